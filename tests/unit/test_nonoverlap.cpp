// SPDX-License-Identifier: GPL-3.0-or-later
// NAP, Tau and Newcombe's interval against values worked by hand and by an
// independent implementation: tests/reference/newcombe_reference.py expands
// the interval's quartic and finds all its roots (Durand-Kerner), where
// painlog bisects the equation itself.

#include <doctest/doctest.h>

#include <vector>

#include "painlog/analysis/nonoverlap.hpp"
#include "painlog/model/pathway.hpp"

namespace painlog::test_nonoverlap {

TEST_CASE("NAP of the SingleCaseES vignette example: 38.5 of 42 pairs") {
    // A = 20 20 26 25 22 23, B = 28 25 24 27 30 30 29, higher is better.
    // By hand, per B value: 28, 27, 30, 30 and 29 beat all six A (30);
    // 25 beats 20, 20, 22, 23 and ties 25 (4.5); 24 beats four (4).
    // 38.5 / 42 = 0.91667, Tau 0.8333.
    std::vector<double> a{20, 20, 26, 25, 22, 23}, b{28, 25, 24, 27, 30, 30, 29};
    auto r = non_overlap(a, b, Better::higher);
    REQUIRE(r);
    CHECK(r->baseline_n == 6);
    CHECK(r->phase_n == 7);
    CHECK(r->nap == doctest::Approx(38.5 / 42));
    CHECK(r->tau() == doctest::Approx(2 * 38.5 / 42 - 1));  // 0.8333
    CHECK(r->nap_lower == doctest::Approx(0.5973193600).epsilon(1e-8));
    CHECK(r->nap_upper == doctest::Approx(0.9859976894).epsilon(1e-8));
    CHECK(r->tau_lower() == doctest::Approx(2 * 0.5973193600 - 1).epsilon(1e-8));
}

TEST_CASE("NAP for pain counts a lower value as better, ties as one half") {
    std::vector<double> a{6, 7, 5, 6, 7, 6, 8}, b{4, 3, 5, 3, 2};
    // Every pair improves except B=5 against A=5 (a tie): (35 - 1 + 0.5) / 35.
    auto r = non_overlap(a, b, Better::lower);
    REQUIRE(r);
    CHECK(r->nap == doctest::Approx(34.5 / 35));
    CHECK(r->nap_lower == doctest::Approx(0.6626427294).epsilon(1e-8));
    CHECK(r->nap_upper == doctest::Approx(0.9995049393).epsilon(1e-8));
}

TEST_CASE("NAP at its edges and with all values tied") {
    std::vector<double> tied_a{5, 5, 5}, tied_b{5, 5, 5, 5};
    auto tied = non_overlap(tied_a, tied_b, Better::higher);
    CHECK(tied->nap == doctest::Approx(0.5));
    CHECK(tied->nap_lower == doctest::Approx(0.1668643268).epsilon(1e-8));
    CHECK(tied->nap_upper == doctest::Approx(0.8331356732).epsilon(1e-8));
    std::vector<double> low{1, 2, 3}, high{4, 5, 6, 7};
    auto all = non_overlap(low, high, Better::higher);
    CHECK(all->nap == 1.0);
    CHECK(all->nap_upper == 1.0);
    CHECK(all->nap_lower == doctest::Approx(0.5396916672).epsilon(1e-8));
    std::vector<double> seven{7}, three{3};
    auto none = non_overlap(seven, three, Better::higher);
    CHECK(none->nap == 0.0);
    CHECK(none->nap_lower == 0.0);
    CHECK(none->nap_upper == doctest::Approx(0.7934506856).epsilon(1e-8));
    std::vector<double> empty;
    CHECK_FALSE(non_overlap(empty, three, Better::higher));
}

TEST_CASE("the pathway: the setting wins; unset, it is inferred from what the diary holds") {
    CHECK(choose_pathway(std::string("depression"), {true, true, false}).pathway == Pathway::depression);
    CHECK_FALSE(choose_pathway(std::string("both"), {}).inferred);
    CHECK(choose_pathway(std::nullopt, {true, true, false}).pathway == Pathway::pain);
    CHECK(choose_pathway(std::nullopt, {true, false, true}).pathway == Pathway::both);
    CHECK(choose_pathway(std::nullopt, {false, false, true}).pathway == Pathway::depression);
    CHECK(choose_pathway(std::nullopt, {false, true, false}).pathway == Pathway::depression);
    CHECK(choose_pathway(std::nullopt, {}).pathway == Pathway::pain);
    auto inferred = choose_pathway(std::nullopt, {false, true, true});
    CHECK(inferred.inferred);
    CHECK(inferred.sentence() == "Pathway: depression (inferred: the diary holds PHQ-9 results and no pain ratings; set "
                                 "it with painlog config set pathway pain|depression|both).");
}

}  // namespace painlog::test_nonoverlap
