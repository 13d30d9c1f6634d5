// SPDX-License-Identifier: MIT
#pragma once
// WHO arguments: a slug, or a unique case- and accent-insensitive prefix of a
// slug, name or aka, or of any word of them (`Marchand` for Léonie Marchand).
#include <string>
#include <string_view>
#include <vector>

#include "model/person.h"

namespace kith {

// The person WHO names. Throws Error listing the candidates when ambiguous,
// and suggesting names that contain WHO, or the closest ones, when nothing
// matches.
const Person& find_person(const std::vector<Person>& people, std::string_view who);

// For completion: the slugs of the people a WHO being typed may lead to, in
// slug order: `typed` is a case- and accent-insensitive prefix of their slug,
// name, an aka, or a word of one of them ("Charl", "dupont"). All of them
// for an empty `typed`.
std::vector<std::string> slugs_starting(const std::vector<Person>& people, std::string_view typed);

}  // namespace kith
