// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/lookup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

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
