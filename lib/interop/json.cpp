// SPDX-License-Identifier: MIT
#include "json.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "json_parse.h"
#include "model/error.h"
#include "yaml/edit.h"
#include "yaml/yaml_util.h"
#include "yaml_insert.h"

namespace kith {

namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"') out += "\\\"";
    else if (ch == '\\') out += "\\\\";
    else if (ch == '\n') out += "\\n";
    else if (ch == '\t') out += "\\t";
    else if (ch == '\r') out += "\\r";
    else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
    else out += ch;
  }
  return out + "\"";
}

void to_json(const YAML::Node& n, std::string& out, int depth) {
  const std::string pad(2 * (depth + 1), ' '), close(2 * depth, ' ');
  if (n.IsMap()) {
    if (n.size() == 0) return void(out += "{}");
    out += "{\n";
    bool first = true;
    for (auto it = n.begin(); it != n.end(); ++it) {
      out += (first ? "" : ",\n") + pad + json_string(it->first.Scalar()) + ": ";
      to_json(it->second, out, depth + 1);
      first = false;
    }
    out += "\n" + close + "}";
  } else if (n.IsSequence()) {
    if (n.size() == 0) return void(out += "[]");
    out += "[\n";
    for (std::size_t i = 0; i < n.size(); ++i) {
      out += (i ? ",\n" : "") + pad;
      to_json(n[i], out, depth + 1);
    }
    out += "\n" + close + "]";
  } else if (n.IsScalar()) {
    out += json_string(n.Scalar());
  } else {
    out += "null";
  }
}

bool all_scalars(const YAML::Node& n) {
  for (auto it = n.begin(); it != n.end(); ++it)
    if (!(n.IsMap() ? it->second : *it).IsScalar()) return false;
  return true;
}

std::string inline_value(const YAML::Node& n);

// Inside `[...]` or `{...}`, a plain `https://x` is read differently by
// different YAML readers: quoted, it is one string for all of them.
std::string in_flow(const YAML::Node& n) {
  if (!n.IsScalar()) return inline_value(n);
  const std::string plain = yaml_scalar(n.Scalar());
  return plain.front() != '"' && plain.find(':') != std::string::npos ? quoted_scalar(n.Scalar()) : plain;
}

std::string flow(const YAML::Node& n) {
  std::string out;
  for (auto it = n.begin(); it != n.end(); ++it) {
    out += out.empty() ? "" : ", ";
    out += n.IsMap() ? yaml_scalar(it->first.Scalar()) + ": " + in_flow(it->second) : in_flow(*it);
  }
  return n.IsMap() ? "{" + out + "}" : "[" + out + "]";
}

std::string inline_value(const YAML::Node& n) {
  if (n.IsScalar()) return yaml_scalar(n.Scalar());
  if (n.IsNull()) return "null";
  return flow(n);
}

// Block style for maps and for lists holding maps (the log); flow style for
// lists and maps of plain values, as a person writes `tags: [a, b]`.
void to_yaml(const YAML::Node& map, std::string& out, const std::string& indent) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node v = it->second;  // a copy: it-> yields a temporary pair
    out += indent + yaml_scalar(it->first.Scalar()) + ":";
    if (v.IsScalar() || v.IsNull() || v.size() == 0 || all_scalars(v)) {
      out += " " + inline_value(v) + "\n";
    } else if (v.IsMap()) {
      out += "\n";
      to_yaml(v, out, indent + "  ");
    } else {
      out += "\n";
      for (const auto& item : v) {
        if (item.IsMap() && item.size() > 0) {
          std::string body;
          to_yaml(item, body, indent + "    ");
          out += indent + "  - " + body.substr(indent.size() + 4);
        } else {
          out += indent + "  - " + inline_value(item) + "\n";
        }
      }
    }
  }
}

bool safe_relative(const std::string& p) {
  if (p.empty() || p.front() == '/' || !p.ends_with(".yaml") || p == "kith.yaml") return false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= p.size(); ++i)
    if (i == p.size() || p[i] == '/') {
      const std::string part = p.substr(start, i - start);
      if (part.empty() || part.front() == '.') return false;
      start = i + 1;
    }
  return true;
}

YAML::Node map_of(const std::string& text, const std::string& path) {
  YAML::Node root;
  if (auto problem = parse_yaml(text, path, root)) throw Error(*problem);
  if (!root.IsMap()) throw Error("not a map of keys", path);
  return root;
}

}  // namespace

std::string people_json(const std::vector<PersonFile>& files, const std::string& settings) {
  std::string out = "{\n  \"kith\": 1,\n";
  if (!settings.empty()) {
    out += "  \"settings\": ";
    to_json(map_of(settings, "kith.yaml"), out, 1);
    out += ",\n";
  }
  out += "  \"people\": [";
  bool first = true;
  for (const PersonFile& f : files) {
    const YAML::Node root = map_of(f.text, f.path);
    std::string slug = f.path.substr(f.path.rfind('/') + 1);
    slug = slug.substr(0, slug.size() - 5);
    out += (first ? "\n" : ",\n") + std::string("    {\"slug\": ") + json_string(slug) +
           ", \"path\": " + json_string(f.path) + ", \"file\": ";
    to_json(root, out, 2);
    out += "}";
    first = false;
  }
  return out + (first ? "]\n}\n" : "\n  ]\n}\n");
}

std::vector<PersonFile> files_from_json(std::string_view json, const std::string& path) {
  const YAML::Node root = parse_json(json, path);
  if (!root.IsMap() || !root["people"] || !root["people"].IsSequence())
    throw Error("not a `kith export json` document (no \"people\" list)", path);
  std::vector<PersonFile> out;
  if (const YAML::Node settings = root["settings"]) {
    if (!settings.IsMap()) throw Error("\"settings\" is not an object", path, settings.Mark().line + 1);
    std::string text;
    to_yaml(settings, text, "");
    out.push_back({"kith.yaml", std::move(text)});
  }
  for (const auto& person : root["people"]) {
    const int line = person.Mark().line + 1;
    if (!person.IsMap() || !person["path"] || !person["path"].IsScalar() || !person["file"] ||
        !person["file"].IsMap())
      throw Error("a person needs \"path\" and \"file\" (an object)", path, line);
    const std::string rel = person["path"].Scalar();
    if (!safe_relative(rel))
      throw Error(fmt::format("\"path\": '{}' is not a .yaml file inside the directory", rel), path, line);
    std::string text;
    try {
      to_yaml(person["file"], text, "");
    } catch (const UsageError& e) {
      throw Error(e.what(), path, line);
    }
    out.push_back({rel, std::move(text)});
  }
  return out;
}

}  // namespace kith
