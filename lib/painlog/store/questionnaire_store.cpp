// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/store/questionnaire_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"

namespace painlog {

void add_result(Diary& diary, QuestionnaireResult& result) {
    result.score = score_of(result.instrument, result.answers);
    diary.write([&] {
        SQLite::Statement st(diary.db(), "INSERT INTO questionnaire (instrument, at, zone, day, answers, score) "
                                         "VALUES (?, ?, ?, ?, ?, ?)");
        st.bind(1, std::string(name_of(result.instrument)));
        st.bind(2, format_utc(result.at));
        st.bind(3, result.zone);
        st.bind(4, format_day(result.day));
        st.bind(5, answers_text(result.instrument, result.answers));
        st.bind(6, result.score);
        st.exec();
        result.id = diary.db().getLastInsertRowid();
    });
}

std::vector<QuestionnaireResult> questionnaire_results(Diary& diary, std::optional<Instrument> instrument,
                                                       std::optional<Day> from, std::optional<Day> to) {
    std::string sql = "SELECT id, instrument, at, zone, day, answers, score FROM questionnaire WHERE 1";
    if (instrument) sql += " AND instrument = :instrument";
    if (from) sql += " AND day >= :from";
    if (to) sql += " AND day <= :to";
    sql += " ORDER BY at, id";
    SQLite::Statement st(diary.db(), sql);
    if (instrument) st.bind(":instrument", std::string(name_of(*instrument)));
    if (from) st.bind(":from", format_day(*from));
    if (to) st.bind(":to", format_day(*to));
    std::vector<QuestionnaireResult> results;
    while (st.executeStep()) {
        QuestionnaireResult r;
        r.id = st.getColumn(0).getInt64();
        auto damaged = [&](std::string_view what) {
            return RuntimeError(fmt::format("{}: questionnaire result {} has a damaged {}; run painlog db check",
                                            diary.path(), r.id, what));
        };
        auto kind = instrument_named(st.getColumn(1).getString());
        auto at = parse_iso_instant(st.getColumn(2).getString());
        auto day = parse_iso_day(st.getColumn(4).getString());
        if (!kind) throw damaged("instrument");
        if (!at || !day) throw damaged("time");
        r.instrument = *kind;
        r.at = *at;
        r.zone = st.getColumn(3).getString();
        r.day = *day;
        try {
            r.answers = parse_answers(r.instrument, st.getColumn(5).getString());
        } catch (const InputError&) {
            throw damaged("answer list");
        }
        r.score = st.getColumn(6).getDouble();
        if (!(r.score >= 0 && r.score <= spec_of(r.instrument).max_score)) throw damaged("score");
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace painlog
