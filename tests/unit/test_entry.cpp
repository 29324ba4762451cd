// SPDX-License-Identifier: GPL-3.0-or-later
#include <doctest/doctest.h>

#include "painlog/model/entry.hpp"
#include "painlog/util/error.hpp"

namespace painlog::test_entry {

TEST_CASE("ratings are whole numbers 0-10") {
    CHECK(parse_rating("0", "--pain") == 0);
    CHECK(parse_rating("10", "--pain") == 10);
    for (auto bad : {"11", "-1", "", "5.5", "five", "5 ", " 5", "0x5", "99999999999"})
        CHECK_THROWS_AS((void)parse_rating(bad, "--pain"), InputError);
    CHECK_THROWS_WITH((void)parse_rating("11", "--pain"), "--pain 11: expected a whole number from 0 to 10");
}

TEST_CASE("sleep hours have at most one decimal and lie in 0-24") {
    CHECK(parse_sleep_hours("7.5", "--sleep") == doctest::Approx(7.5));
    CHECK(parse_sleep_hours("0", "--sleep") == 0.0);
    CHECK(parse_sleep_hours("24", "--sleep") == 24.0);
    CHECK(parse_sleep_hours("24.0", "--sleep") == 24.0);
    for (auto bad : {"24.1", "-1", "7.55", "7.", ".5", "seven", "", "7,5", "1e1"})
        CHECK_THROWS_WITH_AS((void)parse_sleep_hours(bad, "--sleep"), doctest::Contains("expected hours from 0 to 24"),
                             InputError);
}

TEST_CASE("tags are trimmed and lower-cased; bad tags are refused") {
    CHECK(normalize_tag("  Walk ", "--tag") == "walk");
    CHECK(normalize_tag("Hot Bath", "--better") == "hot bath");
    CHECK(normalize_tag("Café", "--tag") == "café");  // only ASCII is lower-cased
    CHECK_THROWS_AS((void)normalize_tag("   ", "--tag"), InputError);
    CHECK_THROWS_AS((void)normalize_tag("a\x01", "--tag"), InputError);
    CHECK_THROWS_AS((void)normalize_tag(std::string(65, 'a'), "--tag"), InputError);
    CHECK_THROWS_AS((void)normalize_tag("\xff\xfe", "--tag"), InputError);
}

TEST_CASE("notes keep newlines and tabs but refuse other control characters") {
    CHECK(validate_note("line one\nline\ttwo 😀", "--note") == "line one\nline\ttwo 😀");
    CHECK_THROWS_AS((void)validate_note("bell\a", "--note"), InputError);
    CHECK_THROWS_AS((void)validate_note(std::string(4001, 'x'), "--note"), InputError);
    CHECK_THROWS_AS((void)validate_note("\xc3", "--note"), InputError);
}

TEST_CASE("add_tag keeps tags sorted and unique") {
    std::vector<Tag> tags;
    add_tag(tags, TagKind::worse, "cold");
    add_tag(tags, TagKind::activity, "walk");
    add_tag(tags, TagKind::worse, "cold");
    add_tag(tags, TagKind::better, "heat");
    REQUIRE(tags.size() == 3);
    CHECK(tags[0] == Tag{TagKind::activity, "walk"});
    CHECK(tags[1] == Tag{TagKind::better, "heat"});
    CHECK(tags[2] == Tag{TagKind::worse, "cold"});
}

TEST_CASE("tag kinds have stable names") {
    CHECK(name_of(TagKind::side_effect) == "side-effect");
    CHECK_FALSE(tag_kind_named("medication"));  // doses since painlog 0.2
    CHECK_FALSE(tag_kind_named("side_effect"));
}

}  // namespace painlog::test_entry
