// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Pre-infusion checks in the diary's `infusion_check` table (schema v8),
// one per infusion, deleted with it.

#include <cstdint>
#include <optional>

#include "painlog/model/infusion_check.hpp"

namespace painlog {

class Diary;

[[nodiscard]] std::optional<InfusionCheck> find_infusion_check(Diary& diary, std::int64_t event_id);
// Inserts or replaces the check of check.event_id; one transaction, or part
// of the caller's (Diary::write).
void save_infusion_check(Diary& diary, const InfusionCheck& check);

}  // namespace painlog
