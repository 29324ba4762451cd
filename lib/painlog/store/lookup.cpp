// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/lookup.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/model/body.hpp"
#include "painlog/model/settings.hpp"
#include "painlog/store/diary.hpp"

namespace painlog {

std::vector<TagUse> tag_uses(Diary& diary, std::optional<TagKind> kind) {
    SQLite::Statement st(diary.db(), "SELECT name, kind, count(*) AS n FROM entry_tag WHERE ?1 IS NULL OR kind = ?1 "
                                     "GROUP BY name, kind ORDER BY n DESC, name, kind");
    if (kind) st.bind(1, std::string(name_of(*kind)));
    std::vector<TagUse> uses;
    while (st.executeStep())
        uses.push_back({st.getColumn(0).getString(),
                        tag_kind_named(st.getColumn(1).getString()).value_or(TagKind::activity),
                        st.getColumn(2).getInt()});
    return uses;
}

namespace {

std::vector<NameUse> name_uses(Diary& diary, std::optional<Day> since, std::string_view table, std::string_view column,
                               std::optional<std::size_t> (*rank)(std::string_view)) {
    SQLite::Statement st(diary.db(), fmt::format("SELECT b.{0}, count(*) FROM {1} b JOIN entry e ON e.id = b.entry_id "
                                                 "WHERE ?1 IS NULL OR e.day >= ?1 GROUP BY b.{0}",
                                                 column, table));
    if (since) st.bind(1, format_day(*since));
    std::vector<NameUse> uses;
    while (st.executeStep()) uses.push_back({st.getColumn(0).getString(), st.getColumn(1).getInt()});
    std::ranges::sort(uses, [&](const NameUse& a, const NameUse& b) {
        auto key = [&](const NameUse& u) { return std::tuple(-u.entries, rank(u.name).value_or(SIZE_MAX), u.name); };
        return key(a) < key(b);
    });
    return uses;
}

}  // namespace

std::vector<NameUse> region_uses(Diary& diary, std::optional<Day> since) {
    return name_uses(diary, since, "entry_region", "region", region_index);
}

std::vector<NameUse> quality_uses(Diary& diary, std::optional<Day> since) {
    return name_uses(diary, since, "entry_quality", "quality", quality_index);
}

DiaryContents diary_contents(Diary& diary) {
    SQLite::Statement st(diary.db(), "SELECT EXISTS (SELECT 1 FROM entry WHERE pain IS NOT NULL), "
                                     "EXISTS (SELECT 1 FROM entry WHERE mood IS NOT NULL), "
                                     "EXISTS (SELECT 1 FROM questionnaire WHERE instrument = 'phq9')");
    st.executeStep();
    return {st.getColumn(0).getInt() != 0, st.getColumn(1).getInt() != 0, st.getColumn(2).getInt() != 0};
}

PathwayChoice diary_pathway(Diary& diary) {
    return choose_pathway(diary.setting(setting_key::pathway), diary_contents(diary));
}

}  // namespace painlog
