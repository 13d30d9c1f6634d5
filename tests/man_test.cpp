// SPDX-License-Identifier: MIT
// The man page against the binary: every subcommand `kith --help` lists has
// its own subsection in man/kith.1 and a SYNOPSIS line, and every option and
// positional of `kith CMD --help` is named in that subsection. Adding an
// option without documenting it fails here.
#include <gtest/gtest.h>

#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "cli_util.h"
#include "system/process.h"

namespace kith::test {
namespace {

// What one CLI11 help screen lists.
struct Help {
  bool is_kiths = false;  // false when the text is not kith's usage (git's)
  std::vector<std::string> subcommands;
  std::vector<std::string> options;  // every name: "-d", "--date"
  std::vector<std::string> positionals;
};

// Reads CLI11's layout: "Options:", "Positionals:" and "Subcommands:"
// headers, entries indented by two spaces, descriptions continued on lines
// indented further.
Help parse_help(const std::string& text, const std::string& usage) {
  Help help;
  std::istringstream in(text);
  std::string section;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Usage: " + usage, 0) == 0) help.is_kiths = true;
    if (line.empty() || line[0] != ' ') {
      section = line;
      continue;
    }
    if (line.size() < 3 || line[2] == ' ') continue;  // a continued description
    std::string first = line.substr(2, line.find(' ', 2) - 2);
    if (section == "Subcommands:") {
      help.subcommands.push_back(first);
    } else if (section == "Positionals:") {
      help.positionals.push_back(first);
    } else if (section == "Options:") {
      std::istringstream names(first);  // "-d,--date"
      for (std::string name; std::getline(names, name, ',');) help.options.push_back(name);
    }
  }
  return help;
}

Help help_of(const std::vector<std::string>& args, const std::string& usage) {
  TempDir tmp;
  RunResult r = run_kith(tmp, args);
  return parse_help(r.out, usage);
}

// The page as plain text: roff's `\-` is a `-`, font changes and `\&` go.
std::string normalized(std::string roff) {
  std::string out;
  for (std::size_t i = 0; i < roff.size(); ++i) {
    if (roff[i] != '\\' || i + 1 == roff.size()) {
      out += roff[i];
      continue;
    }
    char next = roff[i + 1];
    if (next == '-') {
      out += '-';
      ++i;
    } else if (next == '&') {
      ++i;
    } else if (next == 'f' && i + 2 < roff.size()) {
      i += 2;  // \fB, \fI, \fR, \fP
    } else {
      out += roff[i];
    }
  }
  return out;
}

const std::string& man_page() {
  static const std::string page = normalized(read_text(fs::path(KITH_SOURCE_DIR) / "man/kith.1"));
  return page;
}

// Every part of the page under a heading line for which `starts(line)` holds,
// up to the next `.SS` or `.SH` (or, for a `.SH`, the next `.SH`).
template <class Pred>
std::string sections(const std::string& page, Pred starts) {
  std::string out;
  bool inside = false;
  bool top = false;
  for (const std::string& line : lines_of(page)) {
    bool heading = line.rfind(".SH", 0) == 0 || line.rfind(".SS", 0) == 0;
    if (heading && inside && (line.rfind(".SH", 0) == 0 || !top)) inside = false;
    if (heading && starts(line)) {
      inside = true;
      top = line.rfind(".SH", 0) == 0;
    }
    if (inside) out += line + '\n';
  }
  return out;
}

// Every `.SS "kith CMD ..."` subsection of `cmd`, headings included.
std::string command_sections(const std::string& page, const std::string& cmd) {
  return sections(page, [&](const std::string& line) {
    std::string head = ".SS \"kith " + cmd;
    return line.rfind(head, 0) == 0 && (line.size() == head.size() || line[head.size()] == ' ' ||
                                        line[head.size()] == '"');
  });
}

// The same without the heading lines, which only name options: an option
// must also be explained in the text.
std::string command_body(const std::string& page, const std::string& cmd) {
  std::string out;
  for (const std::string& line : lines_of(command_sections(page, cmd)))
    if (line.rfind(".SS", 0) != 0) out += line + '\n';
  return out;
}

std::string top_section(const std::string& page, const std::string& name) {
  return sections(page, [&](const std::string& line) { return line == ".SH " + name || line == ".SH \"" + name + "\""; });
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

// `name` in `text` as a whole word: `-d` is not found in `--dir`.
bool names(const std::string& text, const std::string& name) {
  for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    bool before = at == 0 || !word_char(text[at - 1]);
    bool after = at + name.size() == text.size() || !word_char(text[at + name.size()]);
    if (before && after) return true;
  }
  return false;
}

std::vector<std::string> missing_from(const std::string& text, const std::vector<std::string>& wanted) {
  std::vector<std::string> out;
  for (const std::string& w : wanted)
    if (!names(text, w)) out.push_back(w);
  return out;
}

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += " " + i;
  return out;
}

TEST(ManHelpParser, ReadsOptionsPositionalsAndSubcommandsOfCli11Help) {
  Help h = parse_help(
      "Log an interaction\n"
      "Usage: kith log [OPTIONS] WHO KIND [NOTE...]\n\n"
      "Positionals:\n"
      "  WHO TEXT REQUIRED           Slug\n"
      "  NOTE TEXT=[] ...            What happened\n\n"
      "Options:\n"
      "  -h,--help                   Print this help message and exit\n"
      "  -d,--date DATE Excludes: --suggest\n"
      "                              When it happened\n"
      "  --color WHEN:{auto,always,never}\n\n"
      "Subcommands:\n"
      "  due                         Who to contact now\n",
      "kith log");
  EXPECT_TRUE(h.is_kiths);
  EXPECT_EQ(h.positionals, (std::vector<std::string>{"WHO", "NOTE"}));
  EXPECT_EQ(h.options, (std::vector<std::string>{"-h", "--help", "-d", "--date", "--color"}));
  EXPECT_EQ(h.subcommands, (std::vector<std::string>{"due"}));
}

TEST(ManChecker, ReportsAnOptionTheTextDoesNotName) {
  std::string text = normalized(".TP\n.BR \\-d \", \" \\-\\-date \" \\fIDATE\\fP\"\n.B \\-\\-directory\n");
  EXPECT_EQ(missing_from(text, {"-d", "--date"}), std::vector<std::string>{});
  EXPECT_EQ(missing_from(text, {"--dir", "--next"}), (std::vector<std::string>{"--dir", "--next"}));
}

TEST(ManChecker, FindsEachCommandsOwnSubsections) {
  std::string page = ".SH COMMANDS\n.SS \"kith intro A B\"\nabout --date\n.SS \"kith intro --suggest\"\nabout --limit\n"
                     ".SS \"kith introduce\"\nabout --json\n.SH FILES\n";
  std::string intro = command_sections(page, "intro");
  EXPECT_TRUE(names(intro, "--date"));
  EXPECT_TRUE(names(intro, "--limit"));
  EXPECT_FALSE(names(intro, "--json"));
  EXPECT_FALSE(names(command_body(page, "intro"), "--suggest"));  // only in a heading
}

TEST(ManPage, HasEverySectionOfTheContract) {
  for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "DATES AND DURATIONS",
                              "WHO MATCHING", "FILE FORMAT", "DUE RULES", "INTRO SUGGESTIONS", "REPORT DEFINITIONS",
                              "JSON OUTPUT", "GUARANTEES", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES",
                              "SEE ALSO"})
    EXPECT_FALSE(top_section(man_page(), section).empty()) << "no .SH " << section;
}

TEST(ManPage, DocumentsEveryGlobalOptionOfTheHelp) {
  Help root = help_of({"--help"}, "kith");
  ASSERT_TRUE(root.is_kiths);
  ASSERT_FALSE(root.options.empty());
  EXPECT_EQ(missing_from(top_section(man_page(), "OPTIONS"), root.options), std::vector<std::string>{})
      << "global options missing from OPTIONS";
}

TEST(ManPage, HasASubsectionAndASynopsisLineForEverySubcommand) {
  Help root = help_of({"--help"}, "kith");
  ASSERT_GE(root.subcommands.size(), 10u);
  std::string synopsis = top_section(man_page(), "SYNOPSIS");
  for (const std::string& cmd : root.subcommands) {
    EXPECT_FALSE(command_sections(man_page(), cmd).empty()) << "no .SS \"kith " << cmd << " ...\"";
    EXPECT_TRUE(names(synopsis, ".B kith " + cmd)) << cmd << " is not in the SYNOPSIS";
  }
}

TEST(ManPage, DocumentsEveryOptionAndPositionalOfEverySubcommand) {
  Help root = help_of({"--help"}, "kith");
  int checked = 0;
  for (const std::string& cmd : root.subcommands) {
    Help help = help_of({cmd, "--help"}, "kith " + cmd);
    // `kith git --help` is git's: every argument after `git` goes to git.
    if (!help.is_kiths) continue;
    ++checked;
    std::vector<std::string> options;
    for (const std::string& o : help.options)
      if (o != "-h" && o != "--help") options.push_back(o);  // documented once, in OPTIONS
    EXPECT_EQ(listed(missing_from(command_body(man_page(), cmd), options)), "")
        << "kith " << cmd << ": options not explained in its man page subsection";
    EXPECT_EQ(listed(missing_from(command_sections(man_page(), cmd), help.positionals)), "")
        << "kith " << cmd << ": positionals not in its man page subsection";
  }
  EXPECT_GE(checked, 10);
}

TEST(ManPage, RendersWithoutAnyGroffWarning) {
  ProcessResult r;
  try {
    r = run_captured({"groff", "-man", "-Tutf8", "-ww", "-z", (fs::path(KITH_SOURCE_DIR) / "man/kith.1").string()});
  } catch (const ProgramNotFound&) {
    GTEST_SKIP() << "groff is not installed";
  }
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

}  // namespace
}  // namespace kith::test
