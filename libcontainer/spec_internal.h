/* Private to the spec parser (spec*.c): typed, path-aware access to a yajl tree, and the
   name tables of the enums the spec spells as strings. */
#ifndef CARAPACE_SPEC_INTERNAL_H
#define CARAPACE_SPEC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yajl/yajl_tree.h>

#include "error.h"
#include "spec.h"

/* One step of the JSON path to a value, chained to its parent on the stack and only
   rendered when an error is reported ("linux.sysctl[\"a.b\"]", "mounts[2].destination").
   A NULL path is the document itself. */
struct lc_jpath
{
  const struct lc_jpath *parent;
  const char *field; /* object member: rendered ".field" */
  const char *key;   /* map key: rendered ["key"] */
  size_t index;      /* array element, when field and key are NULL: rendered [index] */
};

#define LC_JFIELD(parent_, name_) { .parent = (parent_), .field = (name_), .key = NULL, .index = 0 }
#define LC_JKEY(parent_, key_) { .parent = (parent_), .field = NULL, .key = (key_), .index = 0 }
#define LC_JINDEX(parent_, i_) { .parent = (parent_), .field = NULL, .key = NULL, .index = (i_) }

/* Where errors go: the name of the document ("config.json") and the caller's error. */
struct lc_jctx
{
  const char *source;
  lc_error_t *err;
};

/* Member flags: absent is an error; the string must not be empty; the string is an absolute path. */
enum
{
  LC_J_REQUIRED = 1u << 0,
  LC_J_NONEMPTY = 1u << 1,
  LC_J_ABSOLUTE = 1u << 2,
};

/* Check size, nesting depth, UTF-8 and NUL bytes, then build the yajl tree into *out. */
int lc_j_parse (const struct lc_jctx *cx, const char *data, size_t len, yajl_val *out);

/* Record "SOURCE: PATH: MESSAGE" in cx->err and return -1. */
int lc_j_error (const struct lc_jctx *cx, const struct lc_jpath *path, const char *fmt, ...)
    __attribute__ ((format (printf, 3, 4)));

/* The JSON type name of v ("string", "integer", "number", "object", ...). */
const char *lc_j_type_name (yajl_val v);

/* The member NAME of object OBJ (the last one when repeated), NULL when absent or null. */
yajl_val lc_j_member (yajl_val obj, const char *name);

/* Fail with "expected object" unless V is an object (respectively an array). */
int lc_j_expect_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path);
int lc_j_expect_array (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path);

/* Member NAME as a type-checked object / array in *out; NULL when absent (an error with LC_J_REQUIRED). */
int lc_j_object (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                 unsigned flags, yajl_val *out);
int lc_j_array (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                unsigned flags, yajl_val *out);

/* The value V as a newly allocated string, checked against the LC_J_NONEMPTY/LC_J_ABSOLUTE flags. */
int lc_j_value_string (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, unsigned flags, char **out);

/* The value V as an integer in [min, max] (signed) or [0, max] (unsigned). */
int lc_j_value_int (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, int64_t min, int64_t max,
                    int64_t *out);
int lc_j_value_uint (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, uint64_t max, uint64_t *out);

/* Member NAME as a string (left NULL when absent). */
int lc_j_string (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                 unsigned flags, char **out);

/* Member NAME as a boolean; *has (may be NULL) tells whether it was present. */
int lc_j_bool (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, bool *has,
               bool *out);

/* Member NAME as an integer of the given width and range; *has (may be NULL) tells whether it was present. */
int lc_j_i64 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
              int64_t min, int64_t max, bool *has, int64_t *out);
int lc_j_i32 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
              int32_t min, int32_t max, bool *has, int32_t *out);
int lc_j_u64 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
              uint64_t max, bool *has, uint64_t *out);
int lc_j_u32 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
              uint32_t min, uint32_t max, bool *has, uint32_t *out);
int lc_j_u16 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
              bool *has, uint16_t *out);

/* Member NAME as a NULL-terminated string array; FLAGS other than LC_J_REQUIRED apply to each element. */
int lc_j_strv (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
               unsigned flags, char ***out);

/* Member NAME as a string-to-string map, in document order. */
int lc_j_kv (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
             struct lc_spec_kv_list *out);

/* Free a kv list's contents. */
void lc_spec_kv_list_clear (struct lc_spec_kv_list *list);

/* Free a NULL-terminated string array; NULL is fine. */
void lc_spec_strv_free (char **v);

/* Name tables (spec_names.c): the value for NAME, or -1 when the name is unknown. */
int lc_spec_rlimit_from_name (const char *name);
int lc_spec_sched_policy_from_name (const char *name);
int64_t lc_spec_sched_flag_from_name (const char *name);
int lc_spec_ioprio_class_from_name (const char *name);
bool lc_spec_seccomp_arch_known (const char *name);
bool lc_spec_seccomp_flag_known (const char *name);
bool lc_spec_mpol_mode_known (const char *name);
bool lc_spec_mpol_flag_known (const char *name);
bool lc_spec_propagation_known (const char *name);

/* Parse the linux object / a resources object into the given zeroed struct (spec_linux.c). */
int lc_spec_parse_linux_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                                struct lc_spec_linux *out);
int lc_spec_parse_resources_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path,
                                    struct lc_spec_resources *out);

/* Free a linux object and its contents; NULL is fine. */
void lc_spec_linux_free (struct lc_spec_linux *linux_);

/* Parse an array of id mappings (shared by mounts and linux). */
int lc_spec_parse_id_mappings (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
                               struct lc_spec_id_mapping **out, size_t *n_out);

#endif
