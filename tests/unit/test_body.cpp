// SPDX-License-Identifier: GPL-3.0-or-later
// The body vocabularies (issue 17): regions and qualities, their spellings,
// the WPI mapping, ordering, and bad names with the closest names suggested.

#include <doctest/doctest.h>

#include <set>

#include "painlog/model/body.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/suggest.hpp"

namespace painlog::test_body {

namespace {

using names = std::vector<std::string>;

std::string error_of(std::string_view text, bool region = true) {
    try {
        if (region) (void)parse_regions(text, "--where");
        else (void)parse_qualities(text, "--feels");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("edit distance counts insertions, deletions, substitutions and adjacent transpositions") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("left-fot", "left-foot") == 1);
    CHECK(edit_distance("lfet-foot", "left-foot") == 1);  // one transposition, not two substitutions
    CHECK(edit_distance("burnign", "burning") == 1);
    std::vector<std::string_view> words{"left-foot", "right-foot", "left-knee"};
    CHECK(closest_names("left-fot", words) == std::vector<std::string_view>{"left-foot"});
    CHECK(closest_names("lfet-kne", words) == std::vector<std::string_view>{"left-knee"});
    CHECK(closest_names("shoulder", words).empty());
    CHECK(either_of(std::vector<std::string_view>{"a", "b", "c"}) == "a, b or c");
    CHECK(either_of(std::vector<std::string_view>{"a", "b"}) == "a or b");
}

TEST_CASE("the region vocabulary: 44 stable names, unique spellings, every WPI area covered") {
    auto regions = body_regions();
    CHECK(regions.size() == 44);
    std::set<std::string_view> spellings;
    WpiSet covered;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto& r = regions[i];
        CAPTURE(r.name);
        CHECK(spellings.insert(r.name).second);
        CHECK(region_index(r.name) == i);
        CHECK(parse_regions(r.name, "") == names{std::string(r.name)});
        for (auto alias : r.aliases) {
            CAPTURE(alias);
            CHECK(spellings.insert(alias).second);
            CHECK(parse_regions(alias, "") == names{std::string(r.name)});
        }
        if (r.wpi) covered.set(static_cast<std::size_t>(*r.wpi));
        // A sided region has its mirror image, mapped to the mirrored WPI area.
        if (r.name.starts_with("left-")) {
            auto mirror = region_index("right-" + std::string(r.name.substr(5)));
            REQUIRE(mirror);
            CHECK(regions[*mirror].view == r.view);
            CHECK(regions[*mirror].wpi.has_value() == r.wpi.has_value());
            if (r.wpi) CHECK(label_of(*regions[*mirror].wpi).substr(6) == label_of(*r.wpi).substr(5));
        }
    }
    for (const auto& g : region_groups()) CHECK(spellings.insert(g.name).second);
    CHECK(covered.all());  // each of the 19 areas has a region in it
    CHECK(name_of(WpiArea::left_shoulder_girdle) == "left-shoulder-girdle");
    CHECK(label_of(WpiArea::abdomen) == "abdomen");
}

TEST_CASE("the quality vocabulary: neuropathic descriptors first, unique spellings") {
    auto qualities = pain_qualities();
    CHECK(qualities.size() == 21);
    CHECK(qualities[0].name == "burning");
    bool neuropathic = true;
    std::set<std::string_view> spellings;
    for (const auto& q : qualities) {
        CAPTURE(q.name);
        CHECK((neuropathic || !q.neuropathic));  // no neuropathic descriptor after the others
        neuropathic = q.neuropathic;
        CHECK(spellings.insert(q.name).second);
        for (auto alias : q.aliases) CHECK(spellings.insert(alias).second);
    }
    for (auto name : {"electric-shocks", "shooting", "stabbing", "tingling", "pins-and-needles", "numbness",
                      "itching", "painful-cold", "pain-on-light-touch", "aching", "throbbing", "cramping",
                      "pressing"})
        CHECK(quality_index(name).has_value());
}

TEST_CASE("regions as people type them: case, spaces, underscores, l- and r-, groups and lists") {
    CHECK(parse_regions("Left Foot", "") == names{"left-foot"});
    CHECK(parse_regions("left_foot", "") == names{"left-foot"});
    CHECK(parse_regions("  l-foot ", "") == names{"left-foot"});
    CHECK(parse_regions("R-KNEE", "") == names{"right-knee"});
    CHECK(parse_regions("feet", "") == names{"left-foot", "right-foot"});
    CHECK(parse_regions("low back", "") == names{"lower-back"});
    // Vocabulary order (head to feet), each once, whatever the order typed.
    CHECK(parse_regions("right-foot, lower-back,feet,", "") == names{"lower-back", "left-foot", "right-foot"});
    CHECK(parse_qualities("Electric, pins and needles, numb", "") ==
          names{"electric-shocks", "pins-and-needles", "numbness"});
    CHECK(parse_qualities("cold", "") == names{"painful-cold"});
}

TEST_CASE("an unknown name is an InputError naming it, with the closest names") {
    CHECK(error_of("left-fot") ==
          "--where left-fot: unknown body region; did you mean left-foot? (painlog body regions lists all 44)");
    CHECK(error_of("foot") == "--where foot: unknown body region; did you mean left-foot, right-foot or feet? "
                              "(painlog body regions lists all 44)");
    CHECK(error_of("lower-bakc") == "--where lower-bakc: unknown body region; did you mean lower-back? "
                                    "(painlog body regions lists all 44)");
    CHECK(error_of("left-foot,spleen") == "--where left-foot,spleen (spleen): unknown body region; expected a "
                                          "name such as left-foot or lower-back (painlog body regions lists all 44)");
    CHECK(error_of("") == "--where : expected a body region such as left-foot or lower-back "
                          "(painlog body regions lists them)");
    CHECK(error_of(" , ") == "--where  , : expected a body region such as left-foot or lower-back "
                             "(painlog body regions lists them)");
    CHECK(error_of("burnign", false) ==
          "--feels burnign: unknown pain quality; did you mean burning? (painlog body qualities lists all 21)");
    CHECK(error_of("electrik shocks", false) == "--feels electrik shocks (electrik-shocks): unknown pain quality; "
                                                "did you mean electric-shocks? (painlog body qualities lists all 21)");
    // A misspelt group alias is suggested as the group.
    CHECK(error_of("feeet") == "--where feeet: unknown body region; did you mean feet? "
                               "(painlog body regions lists all 44)");
}

TEST_CASE("lists keep vocabulary order; names from outside it go last, by name") {
    names list;
    add_region(list, "right-foot");
    add_region(list, "zz-by-hand");
    add_region(list, "head");
    add_region(list, "aa-by-hand");
    add_region(list, "right-foot");
    CHECK(list == names{"head", "right-foot", "aa-by-hand", "zz-by-hand"});
    CHECK(region_set(list).count() == 2);
    CHECK(region_label("right-foot") == "right foot");
    CHECK(region_label("zz-by-hand") == "zz-by-hand");
    CHECK(quality_label("pain-on-light-touch") == "pain on light touch");
    CHECK(joined_names(list, ", ") == "head, right-foot, aa-by-hand, zz-by-hand");
}

TEST_CASE("WPI areas of a set of regions: buttock and hip are one area, the feet none") {
    auto set = region_set({"left-buttock", "left-hip", "right-hip", "left-foot", "right-foot", "tailbone",
                           "lower-back", "left-shin", "left-calf", "neck"});
    auto areas = wpi_areas(set);
    // left hip, right hip, lower back, left lower leg, neck.
    CHECK(areas.count() == 5);
    CHECK(areas.test(static_cast<std::size_t>(WpiArea::left_hip)));
    CHECK(areas.test(static_cast<std::size_t>(WpiArea::left_lower_leg)));
    CHECK(!areas.test(static_cast<std::size_t>(WpiArea::right_lower_leg)));
}

}  // namespace painlog::test_body
