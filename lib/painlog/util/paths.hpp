// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the diary lives.

#include <filesystem>
#include <optional>
#include <string>

namespace painlog {

struct DiaryLocation {
    std::optional<std::string> flag;           // --db
    std::optional<std::string> painlog_db;     // $PAINLOG_DB
    std::optional<std::string> xdg_data_home;  // $XDG_DATA_HOME
    std::optional<std::string> home;           // $HOME
};

// --db beats $PAINLOG_DB beats $XDG_DATA_HOME/painlog/diary.db beats
// ~/.local/share/painlog/diary.db. Empty values count as unset, and a
// relative XDG_DATA_HOME is ignored as the XDG spec asks. Throws InputError
// when none applies.
[[nodiscard]] std::filesystem::path diary_path(const DiaryLocation& where);

}  // namespace painlog
