// SPDX-License-Identifier: MIT
// fmt's compiled part, for a binary that carries its own fmt (CMakeLists:
// KITH_STATIC_DEPS). Debian ships fmt as a shared library only, but its
// -dev package has the implementation as a header: compiled here once, it
// defines what the other files call, which keeps them as quick to build as
// with the shared library (fmt's header-only mode would slow every file).
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
// The templates fmt/format.h declares `extern`: instantiated here, as the
// library would.
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl(locale_ref) -> char;
template auto decimal_point_impl(locale_ref) -> wchar_t;
}  // namespace detail
FMT_END_NAMESPACE
