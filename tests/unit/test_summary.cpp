// SPDX-License-Identifier: GPL-3.0-or-later
// Summary analysis against figures computed independently (Python 3
// `statistics` module and the reference Spearman in test_stats.cpp's header),
// plus the days-needed query, the streak and the renderers.
#include <doctest/doctest.h>

#include <map>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "painlog/query/diary_views.hpp"
#include "painlog/store/day_index.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"
#include "painlog/analysis/summary.hpp"

#include "support.hpp"

namespace painlog::test_summary {
using doctest::Approx;
using namespace date::literals;

namespace {

Day nov(unsigned dd) { return date::year{2026} / 11 / dd; }
Day oct(unsigned dd) { return date::year{2026} / 10 / dd; }

DailyValues day_of(Day day, std::optional<double> pain, std::optional<double> mood = {},
                   std::optional<double> sleep_hours = {}, std::optional<double> sleep_quality = {},
                   std::optional<double> activity = {}, std::vector<Tag> tags = {}) {
    DailyValues d;
    d.day = day;
    d.entries = 1;
    d.values[static_cast<std::size_t>(Metric::pain)] = pain;
    d.values[static_cast<std::size_t>(Metric::mood)] = mood;
    d.values[static_cast<std::size_t>(Metric::sleep_hours)] = sleep_hours;
    d.values[static_cast<std::size_t>(Metric::sleep_quality)] = sleep_quality;
    d.values[static_cast<std::size_t>(Metric::activity)] = activity;
    d.tags = std::move(tags);
    return d;
}

const Tag cold{TagKind::worse, "cold"};
const Tag heat{TagKind::better, "heat"};
const Tag walk{TagKind::activity, "walk"};

// Nov 1–14 with no entries on Nov 5 and Nov 10 (12 days logged); the
// previous period (Oct 18–31) has pain 7, 8, 6; Oct 17 and Nov 15 lie outside
// both and must be ignored.
std::vector<DailyValues> fixture() {
    return {
        day_of(oct(17), 1, 1),
        day_of(oct(20), 7),
        day_of(oct(25), 8),  // the clocks went back in Europe that night: days are days
        day_of(oct(31), 6),
        day_of(nov(1), 6, 4, 6.0, 5, 3, {cold}),
        day_of(nov(2), 5, 5, 7.5, 6, 4, {heat}),
        day_of(nov(3), 7, 3, 5.0, 3, 2, {cold}),
        day_of(nov(4), 4, 6, 8.0, 7, 5, {walk, heat}),
        day_of(nov(6), 5, 5, 7.0, 6, 6, {walk}),
        day_of(nov(7), 3, 7, 8.5, 8, 5, {heat}),
        day_of(nov(8), 6, 4, 6.0, 4, 2, {cold}),
        day_of(nov(9), 5, 5, 7.0, 6, 4),
        day_of(nov(11), 4, 6, 7.5, 7, 5, {walk}),
        day_of(nov(12), 6, 3, 5.5, 4, 6, {cold}),
        day_of(nov(13), 5, 5, 7.0, 6, 3),
        day_of(nov(14), 4, 6, 8.0, 7, 4, {heat}),
        day_of(nov(15), 10, 0),
    };
}

const Period fortnight{nov(1), nov(14)};

}  // namespace

TEST_CASE("Period: length, previous period and membership") {
    CHECK(fortnight.days() == 14);
    CHECK(fortnight.previous().from == oct(18));
    CHECK(fortnight.previous().to == oct(31));
    // Across the October DST change the previous period is still 14 calendar days.
    Period p{oct(20), oct(30)};
    CHECK(p.days() == 11);
    CHECK(p.previous().days() == 11);
    CHECK(p.contains(oct(25)));
    CHECK_FALSE(p.contains(oct(31)));
}

TEST_CASE("summary figures over diary days, gaps left out") {
    auto days = fixture();
    auto s = summarize(days, days, fortnight);
    CHECK(s.days_logged == 12);
    CHECK(s.entries == 12);
    CHECK_FALSE(s.streak_days.has_value());

    // python: statistics.mean/median/stdev of 6 5 7 4 5 3 6 5 4 6 5 4.
    const auto& pain = s.metric(Metric::pain);
    CHECK(pain.n == 12);
    CHECK(*pain.mean == Approx(5.0));
    CHECK(*pain.median == Approx(5.0));
    CHECK(*pain.sd == Approx(1.1281521496355325));
    CHECK(*pain.min == 3);
    CHECK(*pain.max == 7);
    // Previous: 7 8 6 (Oct 17 is outside it) -> 7; change 5 - 7 = -2.
    CHECK(pain.previous_n == 3);
    CHECK(*pain.previous_mean == Approx(7.0));
    CHECK(*pain.change == Approx(-2.0));

    const auto& sleep = s.metric(Metric::sleep_hours);
    CHECK(sleep.n == 12);
    CHECK(*sleep.mean == Approx(6.916666666666667));
    CHECK(*sleep.median == Approx(7.0));
    CHECK(*sleep.sd == Approx(1.0836246694508316));
    // No sleep values before: no previous mean and no change, never 0.
    CHECK(sleep.previous_n == 0);
    CHECK_FALSE(sleep.previous_mean.has_value());
    CHECK_FALSE(sleep.change.has_value());

    const auto& energy = s.metric(Metric::energy);
    CHECK(energy.n == 0);
    CHECK_FALSE(energy.mean.has_value());
    CHECK_FALSE(energy.sd.has_value());
}

TEST_CASE("read_daily_values: each day gets the tags of its own entries, whatever their ids") {
    // Ids chosen to make every kind of run: 2, 3 and 5 are one run with an
    // entry of another day (3) in it, 40 and 1000 are runs of their own, and
    // 1 is just before the period.
    auto diary = Diary::in_memory();
    auto add = [&](int id, const char* day, const char* kind, const char* name) {
        SQLite::Statement entry(diary.db(), "INSERT INTO entry (id, at, zone, day, pain) VALUES (?, ?, 'UTC', ?, 5)");
        entry.bind(1, id);
        entry.bind(2, std::string(day) + "T12:00:00Z");
        entry.bind(3, day);
        entry.exec();
        SQLite::Statement tag(diary.db(), "INSERT INTO entry_tag (entry_id, kind, name) VALUES (?, ?, ?)");
        tag.bind(1, id);
        tag.bind(2, kind);
        tag.bind(3, name);
        tag.exec();
    };
    add(1, "2026-11-09", "worse", "cold");
    add(2, "2026-11-10", "better", "heat");
    add(3, "2026-10-01", "worse", "stairs");
    add(5, "2026-11-11", "better", "heat");
    add(40, "2026-11-12", "worse", "cold");
    add(1000, "2026-11-10", "side-effect", "nausea");
    diary.db().exec("INSERT INTO entry_tag (entry_id, kind, name) VALUES (5, 'activity', 'walk')");

    auto days = read_daily_values(diary, date::sys_days{2026_y / 11 / 10}, date::sys_days{2026_y / 11 / 12});
    REQUIRE(days.size() == 3);
    CHECK(days[0].entries == 2);
    CHECK(days[0].tags == std::vector<Tag>{heat, {TagKind::side_effect, "nausea"}});
    CHECK(days[1].tags == std::vector<Tag>{walk, heat});
    CHECK(days[2].tags == std::vector<Tag>{cold});
}

TEST_CASE("best and worst days; ties go to the most recent day") {
    auto days = fixture();
    auto s = summarize(days, days, fortnight);
    REQUIRE(s.best_worst.size() == 2);
    const auto& pain = s.best_worst[0];
    CHECK(pain.metric == Metric::pain);
    CHECK(pain.best->day == nov(7));
    CHECK(pain.best->value == 3);
    CHECK(pain.worst->day == nov(3));
    const auto& mood = s.best_worst[1];
    CHECK(mood.best->day == nov(7));
    CHECK(mood.best->value == 7);
    // Mood 3 on Nov 3 and Nov 12: the later one.
    CHECK(mood.worst->day == nov(12));
}

TEST_CASE("tags: days used and mean pain with and without") {
    auto days = fixture();
    auto s = summarize(days, days, fortnight);
    REQUIRE(s.tags.size() == 3);
    // 4 days each for heat and cold (better sorts before worse), then walk's 3.
    CHECK(s.tags[0].tag == heat);
    CHECK(s.tags[0].days == 4);
    CHECK(s.tags[0].n_with == 4);
    CHECK(*s.tags[0].mean_pain_with == Approx(4.0));    // 5 4 3 4
    CHECK(s.tags[0].n_without == 8);
    CHECK(*s.tags[0].mean_pain_without == Approx(5.5));  // 44 / 8
    CHECK(s.tags[1].tag == cold);
    CHECK(*s.tags[1].mean_pain_with == Approx(6.25));     // 6 7 6 6
    CHECK(*s.tags[1].mean_pain_without == Approx(4.375));  // 35 / 8
    CHECK(s.tags[2].tag == walk);
    CHECK(s.tags[2].days == 3);
    CHECK(*s.tags[2].mean_pain_with == Approx(13.0 / 3.0));
    CHECK(*s.tags[2].mean_pain_without == Approx(47.0 / 9.0));
}

TEST_CASE("patterns: Spearman with ties, lagged pairs and the n threshold") {
    auto days = fixture();
    auto s = summarize(days, days, fortnight);
    REQUIRE(s.patterns.size() == 4);
    const auto& sleep = s.patterns[0];
    CHECK(sleep.x == Metric::sleep_hours);
    CHECK(sleep.n == 12);
    REQUIRE(sleep.correlation);
    CHECK(sleep.correlation->rho == Approx(-0.9672888412198669));
    CHECK(sleep.correlation->p == Approx(2.791929749326592e-07).epsilon(1e-4));
    CHECK(finding_of(sleep) == Finding::lower);
    CHECK(describe(sleep) == "After nights with more sleep, pain tended to be lower (rho -0.97, p < 0.001, n = 12).");

    CHECK(s.patterns[1].correlation->rho == Approx(-0.9944495408510644));
    CHECK(s.patterns[3].correlation->rho == Approx(-0.9888544164524596));

    // Activity against the next day's pain: only 9 pairs of consecutive logged days
    // (1-2, 2-3, 3-4, 6-7, 7-8, 8-9, 11-12, 12-13, 13-14); Nov 14's pair (Nov 15)
    // lies outside the period.
    const auto& activity = s.patterns[2];
    CHECK(activity.lag_days == 1);
    CHECK(activity.n == 9);
    CHECK_FALSE(activity.correlation.has_value());
    CHECK(finding_of(activity) == Finding::not_enough_data);
    CHECK(describe(activity) == "Not enough data for activity and pain the next day (n = 9; needs 10).");
}

TEST_CASE("patterns: no clear link when p >= 0.05") {
    // Activity 1..11 on consecutive days, next-day pain chosen to wander:
    // python gives rho 0.118995939068828 (pain has ties), p 0.7274810041133702 (11 pairs).
    std::vector<double> act{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 5};
    std::vector<double> pain{0, 5, 3, 6, 2, 7, 4, 1, 8, 5, 3, 6};
    std::vector<DailyValues> days;
    for (unsigned i = 0; i < act.size(); ++i) days.push_back(day_of(nov(1 + i), pain[i], {}, {}, {}, act[i]));
    auto s = summarize(days, {}, Period{nov(1), nov(12)});
    const auto& p = s.patterns[2];
    CHECK(p.n == 11);
    REQUIRE(p.correlation);
    CHECK(p.correlation->rho == Approx(0.118995939068828));
    CHECK(p.correlation->p == Approx(0.7274810041133702).epsilon(1e-6));
    CHECK(finding_of(p) == Finding::no_clear_link);
    CHECK(describe(p) == "No clear link between activity and pain the next day (rho 0.12, p = 0.73, n = 11).");
}

TEST_CASE("empty period: zeros for counts, nothing else; text says so, JSON has nulls") {
    auto s = summarize({}, {}, fortnight);
    CHECK(s.days_logged == 0);
    CHECK(s.metric(Metric::pain).n == 0);
    CHECK_FALSE(s.best_worst[0].best.has_value());
    CHECK(s.tags.empty());
    auto text = summary_text(s, Color::no);
    CHECK(text.find("No entries in this period.") != std::string::npos);
    auto j = summary_json(s);
    CHECK(j["metrics"]["pain"]["n"] == 0);
    CHECK(j["metrics"]["pain"]["mean"].is_null());
    CHECK(j["metrics"]["pain"]["sd"].is_null());
    CHECK(j["metrics"]["pain"]["change"].is_null());
    CHECK(j["best_worst"]["pain"]["best"].is_null());
    CHECK(j["patterns"][0]["rho"].is_null());
    CHECK(j["patterns"][0]["finding"] == "not_enough_data");
    CHECK(j["period"]["days"] == 14);
}

TEST_CASE("summary JSON keys and values") {
    auto days = fixture();
    auto j = summary_json(summarize(days, days, fortnight));
    CHECK(j["period"]["from"] == "2026-11-01");
    CHECK(j["period"]["to"] == "2026-11-14");
    CHECK(j["previous_period"]["from"] == "2026-10-18");
    CHECK(j["days_logged"] == 12);
    CHECK(j["streak_days"].is_null());
    CHECK(j["metrics"]["pain"]["previous_mean"] == 7.0);
    CHECK(j["metrics"]["pain"]["change"] == -2.0);
    CHECK(j["metrics"]["sleep_hours"]["change"].is_null());
    CHECK(j["best_worst"]["mood"]["worst"]["date"] == "2026-11-12");
    CHECK(j["tags"][1]["tag"] == "cold");
    CHECK(j["tags"][1]["kind"] == "worse");
    CHECK(j["tags"][1]["mean_pain_with"] == 6.25);
    CHECK(j["patterns"][2]["x"] == "activity");
    CHECK(j["patterns"][2]["lag_days"] == 1);
    CHECK(j["patterns"][0]["finding"] == "lower");
}

TEST_CASE("summary text") {
    auto days = fixture();
    auto text = summary_text(summarize(days, days, fortnight), Color::no);
    CHECK(text.find("Summary 2026-11-01 to 2026-11-14 (14 days)\nLogged on 12 of 14 days (86 %), 12 entries.") == 0);
    CHECK(text.find("pain          12  5.0    5.0 1.1 3.0 7.0      7.0 (3)   -2.0") != std::string::npos);
    CHECK(text.find("energy         0    –      –   –   –   –            –      –") != std::string::npos);
    CHECK(text.find("Best pain day: 2026-11-07 (3.0); worst: 2026-11-03 (7.0); n = 12.") != std::string::npos);
    CHECK(text.find("heat better      4       4.0 (4)     5.5 (8)\ncold worse       4       6.3 (4)     4.4 (8)\n") != std::string::npos);
}

TEST_CASE("format_figure and format_p") {
    CHECK(format_figure(std::nullopt) == "–");
    CHECK(format_figure(4.25) == "4.3");  // 42.5 rounds away from zero
    CHECK(format_figure(-0.04) == "0.0");
    CHECK(format_p(0.0004) == "p < 0.001");
    CHECK(format_p(0.0042) == "p = 0.004");
    CHECK(format_p(0.049) == "p = 0.05");  // two decimals from 0.01 up; the verdict uses the exact value
}

namespace {

Entry entry_on(Day day, int pain, int hour = 12) { return test::entry_on(day, pain, hour, "Europe/London"); }

}  // namespace

TEST_CASE("summarize_diary reads the period and the one before; streak counts back from today") {
    auto diary = Diary::in_memory();
    // Two entries on Nov 13 (pain 4 and 7 -> the day's value 5.5).
    for (auto e : {entry_on(oct(30), 9), entry_on(nov(10), 2), entry_on(nov(12), 6), entry_on(nov(13), 4, 9),
                   entry_on(nov(13), 7, 20), entry_on(nov(14), 5)})
        diary.add(e);
    auto s = summarize_diary(diary, Period{nov(11), nov(14)}, nov(14));
    CHECK(s.days_logged == 3);
    CHECK(s.entries == 4);
    CHECK(*s.metric(Metric::pain).mean == Approx((6 + 5.5 + 5) / 3.0));
    CHECK(s.metric(Metric::pain).previous_n == 1);  // Nov 7–10: only Nov 10; Oct 30 is outside
    CHECK(*s.metric(Metric::pain).previous_mean == 2);
    REQUIRE(s.streak_days);
    CHECK(*s.streak_days == 3);  // 12, 13, 14; Nov 11 is a gap
    // Today not logged yet: the streak still counts back from yesterday.
    CHECK(current_logging_streak(diary, nov(15)) == 3);
    CHECK(current_logging_streak(diary, nov(16)) == 0);
    CHECK(current_logging_streak(diary, nov(10)) == 1);
}

TEST_CASE("resolve_period: defaults and the order of the ends") {
    auto p = resolve_period(std::nullopt, std::nullopt, nov(22), 28);
    CHECK(p.from == oct(26));
    CHECK(p.to == nov(22));
    CHECK(p.days() == 28);
    p = resolve_period(std::nullopt, nov(10), nov(22), 28);
    CHECK(p.from == oct(14));
    CHECK(p.to == nov(10));
    p = resolve_period(nov(20), std::nullopt, nov(22), 28);
    CHECK(p.days() == 3);
    CHECK(resolve_period(nov(22), nov(22), nov(22), 28).days() == 1);
    CHECK_THROWS_WITH_AS((void)resolve_period(nov(23), nov(22), nov(22), 28),
                         "--since 2026-11-23: after the last day 2026-11-22; expected a first day on or before the last",
                         InputError);
}

TEST_CASE("read_daily_values agrees with daily_values over Diary::entries") {
    auto diary = Diary::in_memory();
    std::vector<Entry> entries;
    auto e1 = entry_on(nov(13), 4, 9);
    e1.rating(Rating::mood) = 6;
    e1.sleep_hours = 6.5;
    e1.tags = {{TagKind::better, "heat"}, {TagKind::activity, "walk"}};
    auto e2 = entry_on(nov(13), 7, 20);  // no mood: the day's mood is e1's alone
    e2.tags = {{TagKind::activity, "walk"}, {TagKind::worse, "cold"}};
    auto e3 = entry_on(nov(14), 5);
    e3.rating(Rating::activity) = 3;
    auto e4 = entry_on(nov(15), 1);  // outside the range asked for
    for (auto* e : {&e1, &e2, &e3, &e4}) diary.add(*e);
    auto from_sql = read_daily_values(diary, nov(12), nov(14));
    auto from_entries = daily_values(diary.entries({.from = nov(12), .to = nov(14), .last = std::nullopt}));
    REQUIRE(from_sql.size() == 2);
    REQUIRE(from_entries.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(from_sql[i].day == from_entries[i].day);
        CHECK(from_sql[i].entries == from_entries[i].entries);
        CHECK(from_sql[i].values == from_entries[i].values);
        CHECK(from_sql[i].tags == from_entries[i].tags);
    }
    CHECK(*from_sql[0].value(Metric::pain) == Approx(5.5));
    CHECK(*from_sql[0].value(Metric::mood) == 6);
    CHECK(from_sql[0].tags.size() == 3);  // walk once, though both entries carry it
    CHECK_FALSE(from_sql[1].value(Metric::mood).has_value());
    CHECK(read_daily_values(diary, nov(1), nov(10)).empty());
}

}  // namespace painlog::test_summary
