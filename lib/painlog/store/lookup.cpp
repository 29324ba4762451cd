#include "painlog/store/lookup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

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

}  // namespace painlog
