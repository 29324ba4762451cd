// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every command receives: the global options, the streams, and the
// diary and clock, each set up once on first use.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "painlog/store/diary.hpp"
#include "painlog/util/text.hpp"
#include "painlog/time/time.hpp"

namespace painlog::cli {

struct GlobalOptions {
    std::string db;              // --db, empty when not given
    std::string color = "auto";  // --color auto|always|never
};

// Where the diary is, by --db (empty when not given), $PAINLOG_DB,
// $XDG_DATA_HOME and $HOME; nothing is opened or created.
[[nodiscard]] std::filesystem::path locate_diary(const std::string& db_flag);

class Context {
public:
    Context(std::ostream& out_stream, std::ostream& err_stream) : out(out_stream), err(err_stream) {}

    GlobalOptions global;
    std::ostream& out;
    std::ostream& err;
    // What the command reports without an error: remind sets 1 when today has no entry.
    int exit_code = 0;

    [[nodiscard]] std::filesystem::path diary_path() const { return locate_diary(global.db); }
    // Opens the diary (once) and takes its day-start hour into time().
    Diary& diary(Access access);
    // The diary's path once resolved, for error messages; "diary" before that.
    [[nodiscard]] const std::string& diary_label() const { return diary_label_; }
    // The instant the command runs ($PAINLOG_NOW or the system clock) and the
    // zone ($TZ or the system's), read once.
    const TimeContext& time();
    [[nodiscard]] Color color() const;
    // Columns for a table: on a terminal its width ($COLUMNS, else the
    // terminal's own, at least 60); piped or redirected always 80, so that
    // what a script or a file receives never depends on a window.
    [[nodiscard]] std::size_t table_width() const;
    // True when a person is at the keyboard: stdin and stderr are terminals.
    [[nodiscard]] bool interactive() const;

private:
    std::optional<Diary> diary_;
    std::optional<TimeContext> time_;
    std::string diary_label_ = "diary";
};

}  // namespace painlog::cli
