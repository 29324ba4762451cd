#pragma once
// Names and ids already in a diary, most used or most recent first: what
// shell completion offers after --tag, `show`, `event show` and the like.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "painlog/model/entry.hpp"

namespace painlog {

class Diary;

struct TagUse {
    std::string name;
    TagKind kind;
    int entries = 0;  // how many entries carry it
};

// Tags of one kind (or of every kind), most used first, then by name; a
// name used with several kinds appears once per kind.
[[nodiscard]] std::vector<TagUse> tag_uses(Diary& diary, std::optional<TagKind> kind = std::nullopt);

}  // namespace painlog
