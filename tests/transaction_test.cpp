// SPDX-License-Identifier: MIT
#include "transaction.h"

#include <gtest/gtest.h>

#include "cli_util.h"
#include "error.h"
#include "store.h"

namespace kith::test {
namespace {

TEST(Transaction, AppliesWritesCreatesAndRemovals) {
  TempDir tmp;
  tmp.write("a.yaml", "name: A\n");
  tmp.write("gone.yaml", "name: Gone\n");
  apply_changes({{tmp.path() / "a.yaml", "name: A\n", "name: A2\n"},
                 {tmp.path() / "new.yaml", std::nullopt, "name: New\n"},
                 {tmp.path() / "gone.yaml", "name: Gone\n", std::nullopt}});
  EXPECT_EQ(read_file(tmp.path() / "a.yaml"), "name: A2\n");
  EXPECT_EQ(read_file(tmp.path() / "new.yaml"), "name: New\n");
  EXPECT_FALSE(fs::exists(tmp.path() / "gone.yaml"));
}

TEST(Transaction, AFailedStepRestoresTheFilesAlreadyChanged) {
  TempDir tmp;
  tmp.write("a.yaml", "name: A\n");
  tmp.write("taken.yaml", "name: Taken\n");
  try {
    // The second change creates a file that exists: refused, so `a` comes back.
    apply_changes({{tmp.path() / "a.yaml", "name: A\n", "name: A2\n"},
                   {tmp.path() / "taken.yaml", std::nullopt, "name: Other\n"}});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("restored"), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(tmp.path() / "a.yaml"), "name: A\n");
  EXPECT_EQ(read_file(tmp.path() / "taken.yaml"), "name: Taken\n");
}

}  // namespace
}  // namespace kith::test
