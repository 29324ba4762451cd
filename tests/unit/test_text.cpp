// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "painlog/util/csv.hpp"
#include "painlog/model/daily.hpp"
#include "painlog/util/table.hpp"
#include "painlog/util/text.hpp"

namespace painlog::test_text {

TEST_CASE("display width counts columns, not bytes") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("café") == 4);
    CHECK(display_width("😀") == 2);
    CHECK(display_width("日本") == 4);
    CHECK(truncate_to_width("hello world", 6) == "hello…");
    CHECK(truncate_to_width("日本語", 4) == "日…");
    CHECK(truncate_to_width("short", 10) == "short");
    CHECK(one_line("a\nb\tc") == "a b c");
}

TEST_CASE("tables align by display width and cut the last column") {
    TextTable table({{"ID", Align::right}, {"Note"}});
    table.add_row({{"1"}, {"😀 ok"}});
    table.add_row({{"12"}, {std::string(100, 'x')}});
    auto text = table.render(Color::no, 20);
    CHECK(text == "ID Note\n"
                  " 1 😀 ok\n"
                  "12 " + std::string(16, 'x') + "…\n");
    auto coloured = table.render(Color::yes, 20);
    CHECK(coloured.find("\033[1mID\033[0m") != std::string::npos);
}

TEST_CASE("CSV fields are quoted per RFC 4180 and guarded against formulas") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_field("-3") == "'-3");
    CHECK(csv_field("'quoted") == "''quoted");
    CHECK(csv_field("+1,2") == "\"'+1,2\"");
    for (std::string original : {"=1+1", "+x", "-", "@home", "\tindent", "\rcr", "'", "''a", "plain", ""})
        CHECK(unprotect_csv_field(csv_field(original).front() == '"' ? original : csv_field(original)) == original);
    CHECK(csv_record({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
}

TEST_CASE("a diary day's value is the mean of its entries; missing values stay missing") {
    auto at = [](std::string_view t) { return *parse_iso_instant(t); };
    std::vector<Entry> entries(3);
    entries[0].day = entries[1].day = *parse_iso_day("2026-11-22");
    entries[2].day = *parse_iso_day("2026-11-20");
    entries[0].at = at("2026-11-22T08:00:00Z");
    entries[1].at = at("2026-11-22T20:00:00Z");
    entries[2].at = at("2026-11-20T08:00:00Z");
    entries[0].rating(Rating::pain) = 6;
    entries[1].rating(Rating::pain) = 3;
    entries[1].sleep_hours = 7.5;
    entries[2].rating(Rating::mood) = 5;
    add_tag(entries[0].tags, TagKind::worse, "cold");
    add_tag(entries[1].tags, TagKind::worse, "cold");
    auto days = daily_values(entries);
    REQUIRE(days.size() == 2);  // the 21st has no entries and no element
    CHECK(days[0].day == *parse_iso_day("2026-11-20"));
    CHECK_FALSE(days[0].value(Metric::pain));
    CHECK(*days[0].value(Metric::mood) == 5.0);
    CHECK(*days[1].value(Metric::pain) == doctest::Approx(4.5));
    CHECK(*days[1].value(Metric::sleep_hours) == doctest::Approx(7.5));  // one of two entries had sleep
    CHECK(days[1].entries == 2);
    CHECK(days[1].tags.size() == 1);
    CHECK(metric_named("sleep_hours") == Metric::sleep_hours);
    CHECK(lower_is_better(Metric::pain));
    CHECK_FALSE(lower_is_better(Metric::mood));
}

TEST_CASE("terminal_safe lets the calendar's foreground colours through, and nothing like them") {
    auto keep = [](std::string_view text) { return terminal_safe(text, Controls::keep_layout); };
    CHECK(keep("\033[38;5;226m█\033[0m") == "\033[38;5;226m█\033[0m");
    CHECK(keep("\033[38;2;253;231;37m█") == "\033[38;2;253;231;37m█");
    CHECK(keep("\033[38;2;0;0;0m") == "\033[38;2;0;0;0m");
    // A number past 255 or four digits, a missing part, a background, conceal, a cursor move.
    CHECK(keep("\033[38;5;256m") == "\\u001b[38;5;256m");
    CHECK(keep("\033[38;5;0255m") == "\\u001b[38;5;0255m");
    CHECK(keep("\033[38;2;1;2m") == "\\u001b[38;2;1;2m");
    CHECK(keep("\033[48;5;1m") == "\\u001b[48;5;1m");
    CHECK(keep("\033[8m") == "\\u001b[8m");
    CHECK(keep("\033[38;5;1H") == "\\u001b[38;5;1H");
    CHECK(terminal_safe("\033[38;5;226m", Controls::escape_all) == "\\u001b[38;5;226m");
    // Cut inside a code: the piece waits for the rest.
    std::string out;
    CHECK(append_terminal_safe("a\033[38;2;25", out, Controls::keep_layout, false) == 1);
    CHECK(out == "a");
}

}  // namespace painlog::test_text
