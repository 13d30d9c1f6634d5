// SPDX-License-Identifier: MIT
#include "codec.h"

#include <cstdint>
#include <cstring>

#include "rules/balance.h"

namespace kith::cache {

namespace {

class Writer {
 public:
  std::string bytes;
  void u8(std::uint8_t v) { bytes.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void i32(std::int32_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    bytes.append(s);
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const std::string& s : v) str(s);
  }
  void date(const Date& d) {
    i32(static_cast<int>(d.year()));
    u8(static_cast<std::uint8_t>(static_cast<unsigned>(d.month())));
    u8(static_cast<std::uint8_t>(static_cast<unsigned>(d.day())));
  }

 private:
  void raw(const void* p, std::size_t n) { bytes.append(static_cast<const char*>(p), n); }
};

// Every read is bounds-checked; the first failure makes ok() false and
// every later read return zeros.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  bool ok() const { return ok_; }
  bool done() const { return ok_ && p_ == end_; }
  void fail() { ok_ = false; }
  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, 1);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int32_t i32() {
    std::int32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() {
    std::uint32_t n = u32();
    if (!fits(n)) return {};
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  // A count of items of at least `min_size` bytes each, or 0 when the rest
  // cannot hold that many (so a damaged count never reserves gigabytes).
  std::uint32_t count(std::size_t min_size) {
    std::uint32_t n = u32();
    if (!fits(static_cast<std::uint64_t>(n) * min_size)) return 0;
    return n;
  }
  std::vector<std::string> strs() {
    std::vector<std::string> v(count(4));
    for (std::string& s : v) s = str();
    return v;
  }
  Date date() {
    int y = i32();
    unsigned m = u8(), d = u8();
    return Date{::date::year{y}, ::date::month{m}, ::date::day{d}};
  }

 private:
  bool fits(std::uint64_t n) {
    if (ok_ && n <= static_cast<std::uint64_t>(end_ - p_)) return true;
    ok_ = false;
    return false;
  }
  void raw(void* out, std::size_t n) {
    if (!fits(n)) return;
    std::memcpy(out, p_, n);
    p_ += n;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

void write_entry(Writer& w, const Entry& e) {
  w.date(e.date);
  w.str(e.kind);
  w.str(e.note);
  w.str(e.with);
  w.i32(e.line);
}

void read_entry(Reader& r, Entry& e) {
  e.date = r.date();
  e.kind = r.str();
  e.note = r.str();
  e.with = r.str();
  e.line = r.i32();
}

void write_person(Writer& w, const Person& p) {
  w.str(p.name);
  w.strs(p.aka);
  w.str(p.circle);
  w.u8(p.every.has_value());
  if (p.every) {
    w.i32(p.every->count);
    w.u8(static_cast<std::uint8_t>(p.every->unit));
  }
  w.u8(p.next.has_value());
  if (p.next) w.date(*p.next);
  w.u8(p.added.has_value());
  if (p.added) w.date(*p.added);
  w.strs(p.tags);
  w.strs(p.offers);
  w.strs(p.needs);
  for (const Text* s : {&p.email, &p.phone, &p.company, &p.role, &p.location, &p.notes}) w.str(s->str());
  w.u8(p.birthday.has_value());
  if (p.birthday) {
    w.u8(p.birthday->year.has_value());
    w.i32(p.birthday->year.value_or(0));
    w.u8(static_cast<std::uint8_t>(p.birthday->month));
    w.u8(static_cast<std::uint8_t>(p.birthday->day));
  }
  w.u32(static_cast<std::uint32_t>(p.links.size()));
  for (const auto& [k, v] : p.links) {
    w.str(k);
    w.str(v);
  }
  w.u32(static_cast<std::uint32_t>(p.log.size()));
  for (const Entry& e : p.log) write_entry(w, e);
  w.u8(p.digest != nullptr);
  if (p.digest) {
    w.i32(p.digest->balance);
    w.u8(p.digest->asked_before_giving);
    w.u8(p.digest->last_contact.has_value());
    if (p.digest->last_contact) write_entry(w, *p.digest->last_contact);
    w.strs(p.digest->introduced);
  }
}

void read_person(Reader& r, Person& p) {
  p.name = r.str();
  p.aka = r.strs();
  p.circle = r.str();
  if (r.u8()) {
    Duration d;
    d.count = r.i32();
    std::uint8_t unit = r.u8();
    if (unit > static_cast<std::uint8_t>(Duration::Unit::never)) unit = 0;
    d.unit = static_cast<Duration::Unit>(unit);
    p.every = d;
  }
  if (r.u8()) p.next = r.date();
  if (r.u8()) p.added = r.date();
  p.tags = r.strs();
  p.offers = r.strs();
  p.needs = r.strs();
  for (Text* s : {&p.email, &p.phone, &p.company, &p.role, &p.location, &p.notes}) *s = r.str();
  if (r.u8()) {
    Birthday b;
    bool has_year = r.u8();
    int year = r.i32();
    if (has_year) b.year = year;
    b.month = r.u8();
    b.day = r.u8();
    p.birthday = b;
  }
  for (std::uint32_t n = r.count(8); n > 0; --n) {
    std::string k = r.str();
    p.links[std::move(k)] = r.str();
  }
  p.log.resize(r.count(22));
  for (Entry& e : p.log) read_entry(r, e);
  if (r.u8()) {
    LogDigest d;
    d.balance = r.i32();
    d.asked_before_giving = r.u8();
    if (r.u8()) read_entry(r, d.last_contact.emplace());
    d.introduced = r.strs();
    p.digest = shared_digest(std::move(d));
  }
}

bool write_diagnostics(Writer& w, const std::vector<Diagnostic>& list, const std::string& path) {
  w.u32(static_cast<std::uint32_t>(list.size()));
  for (const Diagnostic& d : list) {
    if (d.path != path) return false;
    w.i32(d.line);
    w.i32(d.col);
    w.str(d.message);
  }
  return true;
}

std::vector<Diagnostic> read_diagnostics(Reader& r, const std::string& path) {
  std::vector<Diagnostic> list(r.count(12));
  for (Diagnostic& d : list) {
    d.path = path;
    d.line = r.i32();
    d.col = r.i32();
    d.message = r.str();
  }
  return list;
}

}  // namespace

std::optional<std::string> encode_result(const LoadResult& result, const std::string& path) {
  Writer w;
  w.u8(result.person.has_value());
  if (result.person) {
    if (result.person->path != path) return std::nullopt;
    write_person(w, *result.person);
  }
  if (!write_diagnostics(w, result.problems, path) || !write_diagnostics(w, result.unknown_keys, path))
    return std::nullopt;
  return std::move(w.bytes);
}

bool decode_into(std::string_view bytes, const std::string& path, Person& person, bool& has_person,
                 std::vector<Diagnostic>& problems, std::vector<Diagnostic>& unknown_keys) {
  Reader r(bytes);
  has_person = r.u8() != 0;
  if (has_person) read_person(r, person);
  problems = read_diagnostics(r, path);
  unknown_keys = read_diagnostics(r, path);
  return r.done();
}

namespace {

void write_duration(Writer& w, Duration d) {
  w.i32(d.count);
  w.u8(static_cast<std::uint8_t>(d.unit));
}

Duration read_duration(Reader& r) {
  Duration d;
  d.count = r.i32();
  std::uint8_t unit = r.u8();
  if (unit > static_cast<std::uint8_t>(Duration::Unit::never)) r.fail();
  d.unit = static_cast<Duration::Unit>(unit);
  return d;
}

}  // namespace

std::optional<std::string> encode_settings(const SettingsResult& result, const std::string& path) {
  const Settings& s = result.settings;
  Writer w;
  w.u32(static_cast<std::uint32_t>(s.circles.size()));
  for (const auto& [name, cadence] : s.circles) {
    w.str(name);
    write_duration(w, cadence);
  }
  w.str(s.default_circle);
  write_duration(w, s.followup);
  w.i32(s.goal_low);
  w.i32(s.goal_high);
  w.u32(static_cast<std::uint32_t>(s.kinds.size()));
  for (const KindInfo& k : s.kinds) {
    w.str(k.name);
    w.u8(k.contact);
    w.i32(k.balance);
  }
  w.u8(s.git_auto);
  if (!write_diagnostics(w, result.problems, path)) return std::nullopt;
  return std::move(w.bytes);
}

bool decode_settings(std::string_view bytes, const std::string& path, SettingsResult& out) {
  Settings& s = out.settings;
  Reader r(bytes);
  s.circles.clear();
  for (std::uint32_t n = r.count(9); n > 0; --n) {
    std::string name = r.str();
    s.circles.emplace(std::move(name), read_duration(r));
  }
  s.default_circle = r.str();
  s.followup = read_duration(r);
  s.goal_low = r.i32();
  s.goal_high = r.i32();
  std::vector<KindInfo> kinds(r.count(9));
  for (KindInfo& k : kinds) {
    k.name = r.str();
    k.contact = r.u8() != 0;
    k.balance = r.i32();
  }
  s.kinds = std::move(kinds);  // assigned whole: find_kind's index is rebuilt
  s.git_auto = r.u8() != 0;
  out.problems = read_diagnostics(r, path);
  return r.done();
}

bool decode_result(std::string_view bytes, const std::string& path, const std::string& slug, LoadResult& out) {
  out = LoadResult{};
  Person person;
  bool has_person = false;
  bool ok = decode_into(bytes, path, person, has_person, out.problems, out.unknown_keys);
  if (has_person) {
    person.path = path;
    person.slug = slug;
    out.person = std::move(person);
  }
  return ok;
}

}  // namespace kith::cache
