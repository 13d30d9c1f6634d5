// SPDX-License-Identifier: MIT
#include "merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "model/dates.h"
#include "model/error.h"
#include "model/person.h"
#include "person_text.h"
#include "yaml/edit.h"
#include "yaml/yaml_util.h"

namespace kith::merge {

namespace {

constexpr const char* kListKeys[] = {"tags", "offers", "needs", "aka"};

bool is_list_key(std::string_view key) {
  return std::find(std::begin(kListKeys), std::end(kListKeys), key) != std::end(kListKeys);
}

struct Edit {
  Span span;
  std::vector<std::string> lines;
};

// Applies edits of disjoint spans, last first so earlier spans stay valid.
std::string apply(std::vector<std::string> lines, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.span.first > b.span.first; });
  for (const Edit& e : edits) {
    auto first = lines.begin() + static_cast<std::ptrdiff_t>(e.span.first);
    lines.erase(first, lines.begin() + static_cast<std::ptrdiff_t>(e.span.end));
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(e.span.first), e.lines.begin(), e.lines.end());
  }
  return join(lines);
}

std::vector<std::string> lines_of(const PersonText& t, Span s) {
  return {t.lines.begin() + static_cast<std::ptrdiff_t>(s.first), t.lines.begin() + static_cast<std::ptrdiff_t>(s.end)};
}

std::string identity_of(const KeyText* k) { return k ? entry_identity(k->value) : "<absent>"; }

std::string shown(const KeyText* k) {
  if (!k) return "(removed)";
  if (k->value.IsScalar()) return k->value.Scalar();
  return "(edited)";
}

// The items of a list value (absent or empty: none); nullopt when an item
// is not a plain value.
std::optional<std::vector<std::string>> items_of(const KeyText* k) {
  std::vector<std::string> out;
  if (!k || k->value.IsNull()) return out;
  if (!k->value.IsSequence()) return std::nullopt;
  for (const auto& item : k->value) {
    if (!item.IsScalar()) return std::nullopt;
    out.push_back(item.Scalar());
  }
  return out;
}

bool contains_folded(const std::vector<std::string>& items, const std::string& item) {
  return std::any_of(items.begin(), items.end(), [&](const std::string& i) { return fold(i) == fold(item); });
}

std::string eol_of(const std::string& line) { return line.ends_with("\r\n") ? "\r\n" : "\n"; }

// OURS' lines of list `key` rewritten to hold `items`, in OURS' style: a
// flow list on the key's line (its trailing comment kept), or a block list
// indented like OURS' items. nullopt when the lines would not read back so.
std::optional<std::vector<std::string>> render_list(const PersonText& ours, const KeyText& k,
                                                    const std::vector<std::string>& items) {
  const std::string& key_line = ours.lines[k.span.first];
  const std::string eol = eol_of(key_line);
  std::vector<std::string> out;
  if (k.value.IsSequence() && k.value.Style() != YAML::EmitterStyle::Flow && k.value.size() > 0) {
    out.push_back(key_line);
    const YAML::Mark m = k.value[0].Mark();
    std::string prefix(static_cast<std::size_t>(std::max(0, m.column - 2)), ' ');
    for (const auto& item : items) out.push_back(prefix + "- " + yaml_scalar(item) + eol);
  } else {
    std::size_t colon = key_line.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string comment;
    if (k.span.end == k.span.first + 1) {
      std::size_t hash = key_line.find(" #", key_line.rfind(']') == std::string::npos ? colon : key_line.rfind(']'));
      if (hash != std::string::npos) comment = key_line.substr(hash, key_line.size() - hash - eol.size());
    }
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + yaml_scalar(item);
    out.push_back(key_line.substr(0, colon + 1) + " [" + joined + "]" + comment + eol);
  }
  YAML::Node check;
  if (parse_yaml(join(out), "", check) || !check.IsMap()) return std::nullopt;
  const YAML::Node v = check[k.key];
  if (!v.IsSequence() || v.size() != items.size()) return std::nullopt;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!v[i].IsScalar() || v[i].Scalar() != items[i]) return std::nullopt;
  return out;
}

struct Prepared {
  std::string ours, theirs;
  std::vector<std::string> conflicts;  // what the text merge will find in conflict
};

// Makes both sides agree on the keys kith can decide itself (`next`, the
// lists) so the line merge sees one change; the other keys changed both
// ways are noted as conflicts.
Prepared agree_on_keys(const PersonText& base, const PersonText& ours, const PersonText& theirs) {
  std::vector<Edit> ours_edits, theirs_edits;
  Prepared p;
  std::vector<std::string> seen;
  auto consider = [&](const std::string& key) {
    if (key == "log" || std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(key);
    const KeyText *b = base.find(key), *o = ours.find(key), *t = theirs.find(key);
    const std::string ib = identity_of(b), io = identity_of(o), it = identity_of(t);
    if (io == it || io == ib || it == ib) return;
    // Dates kith decides: the later `next` (nobody is forgotten), the
    // earlier `added` (one person added on two machines came in first then).
    if ((key == "next" || key == "added") && o && t && o->value.IsScalar() && t->value.IsScalar()) {
      auto od = parse_iso_date(o->value.Scalar()), td = parse_iso_date(t->value.Scalar());
      if (od && td) {
        if (key == "next" ? *od >= *td : *od <= *td) {
          theirs_edits.push_back({t->span, lines_of(ours, o->span)});
        } else {
          ours_edits.push_back({o->span, lines_of(theirs, t->span)});
        }
        return;
      }
    }
    if (is_list_key(key) && o && t) {
      auto bi = items_of(b), oi = items_of(o), ti = items_of(t);
      if (bi && oi && ti) {
        std::vector<std::string> combined;
        for (const auto& i : *oi)
          if (!(contains_folded(*bi, i) && !contains_folded(*ti, i))) combined.push_back(i);
        for (const auto& i : *ti)
          if (!contains_folded(*bi, i) && !contains_folded(combined, i)) combined.push_back(i);
        if (auto lines = render_list(ours, *o, combined)) {
          ours_edits.push_back({o->span, *lines});
          theirs_edits.push_back({t->span, *lines});
          return;
        }
      }
    }
    p.conflicts.push_back(fmt::format("`{}` changed on both sides: {} / {}", key, shown(o), shown(t)));
  };
  for (const KeyText& k : ours.keys) consider(k.key);
  for (const KeyText& k : theirs.keys) consider(k.key);
  p.ours = apply(ours.lines, ours_edits);
  p.theirs = apply(theirs.lines, theirs_edits);
  return p;
}

using Counts = std::map<std::string, int>;

Counts count(const PersonText& t) {
  Counts c;
  for (const EntryText& e : t.log) ++c[e.identity];
  return c;
}

int at(const Counts& c, const std::string& id) {
  auto it = c.find(id);
  return it == c.end() ? 0 : it->second;
}

// The log the merge must end with: OURS', plus what THEIRS added beyond
// what OURS added too, minus what THEIRS removed beyond what OURS removed.
Counts expected_log(const Counts& b, const Counts& o, const Counts& t) {
  Counts out;
  std::vector<std::string> ids;
  for (const auto* c : {&b, &o, &t})
    for (const auto& [id, n] : *c) ids.push_back(id);
  for (const auto& id : ids) {
    int nb = at(b, id), no = at(o, id), nt = at(t, id);
    int n = no + std::max(0, std::max(0, nt - nb) - std::max(0, no - nb)) -
            std::max(0, std::max(0, nb - nt) - std::max(0, nb - no));
    if (n > 0) out[id] = n;
  }
  return out;
}

// The entry as `kith log` would write it, when it holds nothing more.
std::optional<NewEntry> as_new_entry(const YAML::Node& n) {
  if (!n.IsMap()) return std::nullopt;
  NewEntry e;
  bool has_date = false;
  for (auto it = n.begin(); it != n.end(); ++it) {
    if (!it->first.IsScalar() || !it->second.IsScalar()) return std::nullopt;
    const std::string& key = it->first.Scalar();
    const std::string& value = it->second.Scalar();
    if (key == "date") {
      auto d = parse_iso_date(value);
      if (!d || format_date(*d) != value) return std::nullopt;
      e.date = *d;
      has_date = true;
    } else if (key == "kind" && !value.empty()) {
      e.kind = value;
    } else if (key == "note" && !value.empty()) {
      e.note = value;
    } else if (key == "with" && !value.empty()) {
      e.with = value;
    } else {
      return std::nullopt;
    }
  }
  if (!has_date || e.kind.empty()) return std::nullopt;
  return e;
}

// The result reads as a mapping whose log holds exactly `expected`.
bool reads_as(std::string_view text, const Counts& expected) {
  auto t = read_person_text(text);
  return t && count(*t) == expected;
}

struct Moved {
  std::string ours, theirs;
};

// The log merged entry by entry into OURS (THEIRS' removals applied, its
// new entries appended as `kith log` would), and THEIRS' log put back as
// the base had it: the line merge then sees one side change the log, and
// merges the rest of the file as usual. nullopt when an entry cannot be
// moved this way (a flow list to remove from, an entry with more keys).
std::optional<Moved> move_log(const PersonText& base, const PersonText& ours, const PersonText& theirs) {
  const Counts b = count(base), o = count(ours), t = count(theirs);
  std::map<std::string, int> remove_left;
  for (const auto& [id, n] : b) remove_left[id] = std::max(0, std::max(0, n - at(t, id)) - std::max(0, n - at(o, id)));
  std::vector<Edit> removals;
  for (const EntryText& e : ours.log) {
    if (remove_left[e.identity] <= 0) continue;
    if (!ours.log_spans) return std::nullopt;
    --remove_left[e.identity];
    removals.push_back({e.span, {}});
  }
  std::string out = apply(ours.lines, removals);

  // The last occurrences of an entry in THEIRS are the ones it added.
  std::map<std::string, int> append_left;
  for (const auto& [id, n] : t)
    append_left[id] = std::max(0, std::max(0, n - at(b, id)) - std::max(0, at(o, id) - at(b, id)));
  std::vector<bool> append(theirs.log.size());
  for (std::size_t j = theirs.log.size(); j-- > 0;)
    if (append_left[theirs.log[j].identity]-- > 0) append[j] = true;
  for (std::size_t j = 0; j < theirs.log.size(); ++j) {
    if (!append[j]) continue;
    auto entry = as_new_entry(theirs.log[j].node);
    if (!entry) return std::nullopt;
    try {
      out = append_log_entry(out, *entry);
    } catch (const Error&) {
      return std::nullopt;
    }
  }

  Moved moved{out, join(theirs.lines)};
  if (const KeyText* log = theirs.find("log")) {
    const KeyText* base_log = base.find("log");
    moved.theirs = apply(theirs.lines, {{log->span, base_log ? lines_of(base, base_log->span) : std::vector<std::string>{}}});
  }
  return moved;
}

// The lines outside every key's span: comments and blank lines between keys.
std::vector<std::string> between_keys(const PersonText& t) {
  std::vector<bool> inside(t.lines.size());
  for (const KeyText& k : t.keys)
    for (std::size_t i = k.span.first; i < k.span.end; ++i) inside[i] = true;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < t.lines.size(); ++i)
    if (!inside[i]) out.push_back(t.lines[i]);
  return out;
}

// git's line merge also calls changes on adjacent lines a conflict (a
// snooze adding `next:` just under a `company:` the other side changed).
// When THEIRS changed only whole keys OURS left alone, and none of the
// text between keys, those keys are carried over into OURS one by one.
std::optional<std::string> carry_keys(const PersonText& base, const PersonText& ours, const PersonText& theirs) {
  if (between_keys(theirs) != between_keys(base)) return std::nullopt;
  std::vector<Edit> edits;
  for (const KeyText& b : base.keys)
    if (b.key != "log" && !theirs.find(b.key)) {
      const KeyText* o = ours.find(b.key);
      if (o && identity_of(o) != identity_of(&b)) return std::nullopt;
      if (o) edits.push_back({o->span, {}});
    }
  const KeyText* previous = nullptr;
  for (const KeyText& t : theirs.keys) {
    const KeyText* b = base.find(t.key);
    const KeyText* o = ours.find(t.key);
    // Changed in THEIRS and not the same way in OURS (both sides adding one
    // person with the same key, say, is no change to carry).
    if (t.key != "log" && identity_of(&t) != identity_of(b) && identity_of(&t) != identity_of(o)) {
      if (identity_of(o) != identity_of(b)) return std::nullopt;
      if (o) {
        edits.push_back({o->span, lines_of(theirs, t.span)});
      } else {
        // After the key it follows in THEIRS, else first.
        const KeyText* after = previous ? ours.find(previous->key) : nullptr;
        std::size_t at = after ? after->span.end : (ours.keys.empty() ? 0 : ours.keys.front().span.first);
        edits.push_back({{at, at}, lines_of(theirs, t.span)});
      }
    }
    previous = &t;
  }
  for (std::size_t i = 0; i < edits.size(); ++i)
    for (std::size_t j = i + 1; j < edits.size(); ++j)
      if (edits[i].span.first == edits[j].span.first) return std::nullopt;
  return apply(ours.lines, edits);
}

MergeResult finish(TextMergeResult merged, std::vector<std::string> conflicts) {
  if (merged.conflict) {
    if (conflicts.empty()) conflicts.push_back("the same lines changed on both sides");
    return {std::move(merged.text), std::move(conflicts)};
  }
  if (!read_person_text(merged.text))
    return {std::move(merged.text), {"the merged text does not read as one YAML mapping"}};
  return {std::move(merged.text), {}};
}

}  // namespace

MergeResult merge_person(std::string_view base_text, std::string_view ours_text, std::string_view theirs_text,
                         const TextMerger& merge_text) {
  auto ours = read_person_text(ours_text);
  auto theirs = read_person_text(theirs_text);
  if (!ours || !theirs) return finish(merge_text(base_text, ours_text, theirs_text), {});
  auto base = read_person_text(base_text);
  if (!base) base = read_person_text("");

  Prepared p = agree_on_keys(*base, *ours, *theirs);
  auto ours1 = read_person_text(p.ours);
  auto theirs1 = read_person_text(p.theirs);
  if (!ours1 || !theirs1) return finish(merge_text(base_text, ours_text, theirs_text), p.conflicts);
  const Counts expected = expected_log(count(*base), count(*ours1), count(*theirs1));

  // The plain line merge, when it gets the log right, keeps every edit in place.
  TextMergeResult direct = merge_text(base_text, p.ours, p.theirs);
  if (!direct.conflict && reads_as(direct.text, expected)) return {std::move(direct.text), {}};

  auto moved = move_log(*base, *ours1, *theirs1);
  if (!moved) return finish(std::move(direct), p.conflicts);
  TextMergeResult merged = merge_text(base_text, moved->ours, moved->theirs);
  if (merged.conflict && p.conflicts.empty()) {
    auto ours2 = read_person_text(moved->ours);
    auto theirs2 = read_person_text(moved->theirs);
    if (ours2 && theirs2)
      if (auto carried = carry_keys(*base, *ours2, *theirs2); carried && reads_as(*carried, expected))
        return {std::move(*carried), {}};
  }
  if (!merged.conflict && !reads_as(merged.text, expected))
    return {std::move(merged.text), {"the merged log does not read back as both sides' entries"}};
  return finish(std::move(merged), p.conflicts);
}

}  // namespace kith::merge
