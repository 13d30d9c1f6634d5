// SPDX-License-Identifier: MIT
#include "contact_text.h"

#include "yaml/edit.h"
#include "yaml_insert.h"

namespace kith {

namespace {

std::string flow_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + yaml_scalar(item);
  return "[" + out + "]";
}

}  // namespace

std::string contact_text(const Contact& c, const std::string& circle) {
  std::string out = "name: " + yaml_scalar(c.name) + "\n";
  auto scalar = [&](const char* key, const std::string& value) {
    if (!value.empty()) out += std::string(key) + ": " + yaml_scalar(value) + "\n";
  };
  if (!c.aka.empty()) out += "aka: " + flow_list(c.aka) + "\n";
  scalar("circle", circle);
  if (!c.tags.empty()) out += "tags: " + flow_list(c.tags) + "\n";
  scalar("email", c.email);
  scalar("phone", c.phone);
  scalar("company", c.company);
  scalar("role", c.role);
  scalar("location", c.location);
  if (c.birthday) out += "birthday: " + format_birthday(*c.birthday) + "\n";  // digits and dashes: plain
  if (!c.links.empty()) {
    std::string links;
    for (const auto& [k, v] : c.links) links += (links.empty() ? "" : ", ") + yaml_scalar(k) + ": " + quoted_scalar(v);
    out += "links: {" + links + "}\n";
  }
  if (c.connected) out += "connected: " + format_date(*c.connected) + "\n";
  scalar("vcard_uid", c.vcard_uid);
  scalar("notes", c.notes);
  return out;
}

}  // namespace kith
