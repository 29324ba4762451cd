// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/paths.hpp"

#include "painlog/util/error.hpp"

namespace painlog {
namespace {

bool set(const std::optional<std::string>& value) { return value && !value->empty(); }

}  // namespace

std::filesystem::path diary_path(const DiaryLocation& where) {
    if (set(where.flag)) return *where.flag;
    if (set(where.painlog_db)) return *where.painlog_db;
    if (set(where.xdg_data_home) && where.xdg_data_home->front() == '/')
        return std::filesystem::path(*where.xdg_data_home) / "painlog" / "diary.db";
    if (set(where.home)) return std::filesystem::path(*where.home) / ".local" / "share" / "painlog" / "diary.db";
    throw InputError("no diary location: HOME is not set; expected --db PATH or PAINLOG_DB");
}

}  // namespace painlog
