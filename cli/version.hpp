// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What this build is: version, commit and the diary schema it writes.

#include <string>

namespace painlog::cli {

// "painlog 0.2.0 (27c3664), diary schema 6"; without a known commit
// "painlog 0.2.0, diary schema 6". One line, for --version.
[[nodiscard]] std::string version_line();

}  // namespace painlog::cli
