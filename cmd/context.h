// SPDX-License-Identifier: MIT
#pragma once
// What every command needs, decided once in main: where the data is, what
// day it is, where output goes and whether it may be coloured. Commands get
// it passed in; nothing here is global.
#include <iosfwd>
#include <optional>
#include <string>

#include "model/dates.h"
#include "store/config.h"
#include "store/store.h"

namespace kith {

struct Context {
  std::ostream& out;
  std::ostream& err;
  Getenv env;
  UserConfig config;
  Date today;
  std::string dir_flag;    // --dir, empty when not given
  std::string color_flag;  // --color auto|always|never, empty when not given
  int exit_code = 0;       // a command sets 1 when it warned about bad files
  bool no_cache = false;   // --no-cache

  // The data directory by DESIGN.md's resolution order.
  fs::path data_dir() const;
  // The store of data_dir(), with any change a dead writer left half-done
  // finished first (see lib/store/transaction.h).
  Store store() const;
  // Where the parse cache lives: $XDG_CACHE_HOME/kith, else ~/.cache/kith;
  // empty (no cache) with --no-cache or KITH_NO_CACHE=1.
  fs::path cache_dir() const;
  // Colour on stdout: --color, else config.yaml's color, else auto (a TTY
  // and NO_COLOR unset).
  bool color() const;
};

}  // namespace kith
