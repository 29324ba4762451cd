// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/infusion_check_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog {
namespace {

std::optional<bool> check_flag_of(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getInt() != 0;
}

std::optional<std::string> check_text_of(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

void bind_check_flag(SQLite::Statement& st, int index, const std::optional<bool>& value) {
    if (value) st.bind(index, *value ? 1 : 0);
    else st.bind(index);
}

void bind_check_text(SQLite::Statement& st, int index, const std::optional<std::string>& value) {
    if (value) st.bind(index, *value);
    else st.bind(index);
}

// The flagged medicines as stored: names separated by newlines (a name
// holds no control character).
std::string medicine_lines_of(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "\n") + n;
    return out;
}

std::vector<std::string> medicines_from_lines(const std::string& text) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        names.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return names;
}

}  // namespace

std::optional<InfusionCheck> find_infusion_check(Diary& diary, std::int64_t event_id) {
    SQLite::Statement st(diary.db(), "SELECT at, zone, pregnant, breastfeeding, new_symptoms, heart_problem, "
                                     "new_medicines, medicines, medicines_confirmed, sedation, escort "
                                     "FROM infusion_check WHERE event_id = ?");
    st.bind(1, event_id);
    if (!st.executeStep()) return std::nullopt;
    InfusionCheck c;
    c.event_id = event_id;
    auto at = parse_iso_instant(st.getColumn(0).getString());
    if (!at)
        throw RuntimeError(fmt::format("{}: the check of event {} is damaged; run painlog db check", diary.path(),
                                       event_id));
    c.at = *at;
    c.zone = st.getColumn(1).getString();
    c.pregnant = check_flag_of(st.getColumn(2));
    c.breastfeeding = check_flag_of(st.getColumn(3));
    c.new_symptoms = check_text_of(st.getColumn(4));
    c.heart_problem = check_flag_of(st.getColumn(5));
    c.new_medicines = check_text_of(st.getColumn(6));
    c.medicines = medicines_from_lines(st.getColumn(7).getString());
    c.medicines_confirmed = check_flag_of(st.getColumn(8));
    c.sedation = check_flag_of(st.getColumn(9));
    c.escort = check_flag_of(st.getColumn(10));
    return c;
}

void save_infusion_check(Diary& diary, const InfusionCheck& c) {
    diary.write([&] {
        SQLite::Statement st(diary.db(),
                             "INSERT OR REPLACE INTO infusion_check (event_id, at, zone, pregnant, breastfeeding, "
                             "new_symptoms, heart_problem, new_medicines, medicines, medicines_confirmed, sedation, "
                             "escort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, c.event_id);
        st.bind(2, format_utc(c.at));
        st.bind(3, c.zone);
        bind_check_flag(st, 4, c.pregnant);
        bind_check_flag(st, 5, c.breastfeeding);
        bind_check_text(st, 6, c.new_symptoms);
        bind_check_flag(st, 7, c.heart_problem);
        bind_check_text(st, 8, c.new_medicines);
        st.bind(9, medicine_lines_of(c.medicines));
        bind_check_flag(st, 10, c.medicines_confirmed);
        bind_check_flag(st, 11, c.sedation);
        bind_check_flag(st, 12, c.escort);
        st.exec();
    });
}

}  // namespace painlog
