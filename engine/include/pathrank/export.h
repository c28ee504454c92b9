// PATHRANK_EXPORT: marks a declaration as part of libpathrank's public ABI.
//
// The library is compiled with -fvisibility=hidden, so only what carries this
// macro (the C++ classes and functions of the public headers, and the C API
// of pathrank/c.h) is exported from libpathrank.so; everything else (the
// engine's internals, engine/util, template instantiations) stays local to
// the library. For the static library and for in-tree static linking the
// macro changes nothing.

#ifndef PATHRANK_EXPORT_H_
#define PATHRANK_EXPORT_H_

// In C++ the standard attribute syntax, so that it may follow another
// attribute (class [[nodiscard]] PATHRANK_EXPORT Status).
#if defined(_WIN32)
#define PATHRANK_EXPORT
#elif defined(__cplusplus) && (defined(__GNUC__) || defined(__clang__))
#define PATHRANK_EXPORT [[gnu::visibility("default")]]
#elif defined(__GNUC__) || defined(__clang__)
#define PATHRANK_EXPORT __attribute__((visibility("default")))
#else
#define PATHRANK_EXPORT
#endif

#endif  // PATHRANK_EXPORT_H_
