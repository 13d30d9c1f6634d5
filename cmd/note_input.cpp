// SPDX-License-Identifier: MIT
#include "note_input.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <ostream>

#include "args.h"
#include "store/store.h"
#include "system/process.h"

namespace kith {

namespace {

std::string trim_newlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// The temporary file the editor works on; removed whatever happens.
class NoteFile {
 public:
  explicit NoteFile(const std::string& text) {
    const char* tmpdir = std::getenv("TMPDIR");
    std::string tmpl = (fs::path(tmpdir && *tmpdir ? tmpdir : "/tmp") / "kith-note-XXXXXX.txt").string();
    int fd = ::mkstemps(tmpl.data(), 4);
    if (fd < 0) throw Error("cannot create a temporary file for the note", tmpl);
    ::close(fd);
    path_ = tmpl;
    write_atomic(path_, text);
  }
  ~NoteFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  NoteFile(const NoteFile&) = delete;
  NoteFile& operator=(const NoteFile&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::string note_from_stdin() {
  std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return trim_newlines(all);
}

std::string note_from_editor(Context& ctx, const std::string& about) {
  NoteFile file(fmt::format("\n# {}\n# Lines starting with '#' are dropped; an empty note aborts.\n", about));
  std::vector<std::string> argv{"vi"};
  for (const char* var : {"VISUAL", "EDITOR"})
    if (auto value = ctx.env(var))
      if (auto words = split_command(*value); !words.empty()) {
        argv = words;
        break;
      }
  argv.push_back(file.path().string());
  ctx.out.flush();
  int status = 0;
  try {
    status = run_attached(argv);
  } catch (const ProgramNotFound& e) {
    throw Error(fmt::format("{} (set $VISUAL or $EDITOR to your editor)", e.what()));
  }
  if (status != 0) throw Error(fmt::format("the editor exited with status {}; nothing was logged", status));
  std::string text = read_file(file.path()), note;
  for (std::size_t from = 0; from < text.size();) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(from, nl - from);
    if (!line.starts_with("#")) note += line + "\n";
    from = nl + 1;
  }
  note = trim_newlines(note);
  while (!note.empty() && note.front() == '\n') note.erase(0, 1);
  if (trim_arg(note).empty()) throw Error("the note is empty; nothing was logged");
  return note;
}

std::string read_note(Context& ctx, const std::vector<std::string>& words, const std::string& date_text, bool edit,
                      const std::string& about) {
  if (edit) {
    if (!words.empty()) throw UsageError("--edit writes the note in the editor; give no NOTE words with it");
    return note_from_editor(ctx, about);
  }
  if (words.size() == 1 && words.front() == "-") return note_from_stdin();
  return note_from_words(words, date_text);
}

bool already_logged(const std::vector<Entry>& log, Date date, const std::string& kind, const std::string& note,
                    const std::string& with) {
  for (const Entry& e : log)
    if (e.date == date && e.kind == kind && e.note == note && e.with == with) return true;
  return false;
}

}  // namespace kith
