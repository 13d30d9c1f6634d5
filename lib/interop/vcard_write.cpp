// SPDX-License-Identifier: MIT
#include "vcard_write.h"

#include <fmt/format.h>

#include "content_line.h"

namespace kith {

namespace {

// N wants family and given names apart; a name's last word is the best guess.
std::string structured_name(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  if (space == std::string::npos) return escape_text(name) + ";;;;";
  return escape_text(name.substr(space + 1)) + ";" + escape_text(name.substr(0, space)) + ";;;";
}

std::string list_text(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + escape_text(item);
  return out;
}

}  // namespace

std::string vcard_uid_for(const Person& p, const std::string& uid) {
  return uid.empty() ? "urn:uuid:" + stable_uuid("kith-person:" + p.slug) : uid;
}

std::string vcard_of(const Person& p, VcardVersion version, const std::string& uid, const std::string& connected) {
  const bool v4 = version == VcardVersion::v4;
  std::string out = "BEGIN:VCARD\r\n";
  auto line = [&](const std::string& l) { out += folded(l); };
  line(v4 ? "VERSION:4.0" : "VERSION:3.0");
  line("PRODID:-//kith//kith//EN");
  line("UID:" + vcard_uid_for(p, uid));
  line("FN:" + escape_text(p.name));
  line("N:" + structured_name(p.name));
  if (!p.aka.empty()) line("NICKNAME:" + list_text(p.aka));
  if (!p.email.empty()) line((v4 ? "EMAIL:" : "EMAIL;TYPE=INTERNET:") + escape_text(p.email));
  if (!p.phone.empty()) line(v4 ? "TEL;VALUE=text:" + escape_text(p.phone) : "TEL:" + escape_text(p.phone));
  if (!p.company.empty()) line("ORG:" + escape_text(p.company));
  if (!p.role.empty()) line("TITLE:" + escape_text(p.role));
  if (!p.location.empty()) line("ADR:;;;" + escape_text(p.location) + ";;;");
  if (p.birthday) {
    const Birthday& b = *p.birthday;
    if (v4) line(b.year ? fmt::format("BDAY:{:04}{:02}{:02}", *b.year, b.month, b.day)
                        : fmt::format("BDAY:--{:02}{:02}", b.month, b.day));
    else line(b.year ? fmt::format("BDAY:{:04}-{:02}-{:02}", *b.year, b.month, b.day)
                     : fmt::format("BDAY:--{:02}-{:02}", b.month, b.day));
  }
  if (!p.tags.empty()) line("CATEGORIES:" + list_text(p.tags));
  int item = 0;
  for (const auto& [kind, url] : p.links) {
    if (kind == "linkedin") {
      line("X-SOCIALPROFILE;TYPE=linkedin:" + url);
    } else if (v4) {
      line("URL;TYPE=" + (kind.find_first_of(",;:\"") == std::string::npos ? kind : "\"" + kind + "\"") + ":" + url);
    } else {  // 3.0's URL takes no TYPE: Apple's labelled group says what it is
      ++item;
      line(fmt::format("item{}.URL:{}", item, url));
      line(fmt::format("item{}.X-ABLabel:{}", item, escape_text(kind)));
    }
  }
  // A block scalar's final line break is YAML's, not the note's.
  std::string notes = p.notes;
  while (!notes.empty() && (notes.back() == '\n' || notes.back() == '\r')) notes.pop_back();
  if (!notes.empty()) line("NOTE:" + escape_text(notes));
  if (!p.circle.empty()) line("X-KITH-CIRCLE:" + escape_text(p.circle));
  if (!connected.empty()) line("X-KITH-CONNECTED:" + escape_text(connected));
  out += "END:VCARD\r\n";
  return out;
}

}  // namespace kith
