/* Typed, path-aware access to a yajl tree for the spec parser.

   Every accessor names the JSON path of what it rejects, so a user reading
   "config.json: mounts[2].destination: required" knows which line to fix.  Paths
   are linked lists on the C stack and cost nothing until an error is rendered. */
#include "config.h"
#include "spec_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "json.h"
#include "utils.h"

/* ---- input checks before yajl ------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (at most avail bytes), or 0 when it is invalid
   (overlong forms, surrogates and code points above U+10FFFF are invalid too). */
static size_t
utf8_sequence_length (const unsigned char *p, size_t avail)
{
  size_t len;
  uint32_t cp, min;

  if (p[0] < 0x80)
    return 1;
  if ((p[0] & 0xe0) == 0xc0)
    len = 2, cp = p[0] & 0x1f, min = 0x80;
  else if ((p[0] & 0xf0) == 0xe0)
    len = 3, cp = p[0] & 0x0f, min = 0x800;
  else if ((p[0] & 0xf8) == 0xf0)
    len = 4, cp = p[0] & 0x07, min = 0x10000;
  else
    return 0;
  if (len > avail)
    return 0;
  for (size_t i = 1; i < len; i++)
    {
      if ((p[i] & 0xc0) != 0x80)
        return 0;
      cp = (cp << 6) | (p[i] & 0x3f);
    }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return len;
}

/* One pass over the raw text, tracking strings so that brackets inside them do not count.
   The depth limit is what keeps yajl_tree_free's recursion off the end of the stack. */
static int
prescan (const struct lc_jctx *cx, const unsigned char *data, size_t len)
{
  size_t depth = 0;
  bool in_string = false;

  for (size_t i = 0; i < len;)
    {
      unsigned char c = data[i];
      size_t n = utf8_sequence_length (data + i, len - i);

      if (n == 0)
        return lc_j_error (cx, NULL, "invalid UTF-8 at byte offset %zu", i);
      if (c == '\0')
        return lc_j_error (cx, NULL, "NUL byte at byte offset %zu", i);
      if (in_string && c == '\\' && i + 1 < len && data[i + 1] != '\0' && data[i + 1] < 0x80)
        {
          /* A \u0000 escape would silently cut the C string short. */
          if (data[i + 1] == 'u' && len - i >= 6 && memcmp (data + i + 2, "0000", 4) == 0)
            return lc_j_error (cx, NULL, "\\u0000 escape at byte offset %zu is not allowed", i);
          i += 2;
          continue;
        }
      if (c == '"')
        in_string = ! in_string;
      else if (! in_string && (c == '{' || c == '['))
        {
          if (++depth > LC_SPEC_MAX_DEPTH)
            return lc_j_error (cx, NULL, "nesting deeper than %d levels at byte offset %zu", LC_SPEC_MAX_DEPTH, i);
        }
      else if (! in_string && (c == '}' || c == ']') && depth > 0)
        depth--;
      else if (! in_string && c == '/')
        /* yajl_tree_parse accepts comments; JSON (and runc) does not, and a comment could
           hide a quote from the depth count above. */
        return lc_j_error (cx, NULL, "invalid JSON: comment at byte offset %zu", i);
      i += n;
    }
  return 0;
}

/* The first line of a yajl error, without its redundant "parse error: " prefix. */
static void
tidy_yajl_error (char *msg)
{
  static const char *const prefixes[] = { "parse error: ", "lexical error: " };

  msg[strcspn (msg, "\n")] = '\0';
  for (size_t i = 0; i < sizeof (prefixes) / sizeof (prefixes[0]); i++)
    {
      size_t plen = strlen (prefixes[i]);
      if (strncmp (msg, prefixes[i], plen) == 0)
        memmove (msg, msg + plen, strlen (msg + plen) + 1);
    }
  size_t end = strlen (msg);
  while (end > 0 && (msg[end - 1] == ' ' || msg[end - 1] == '.'))
    msg[--end] = '\0';
}

int
lc_j_parse (const struct lc_jctx *cx, const char *data, size_t len, yajl_val *out)
{
  char errbuf[256] = "";

  if (len > LC_SPEC_MAX_SIZE)
    return lc_j_error (cx, NULL, "larger than %u bytes", LC_SPEC_MAX_SIZE);
  if (prescan (cx, (const unsigned char *) data, len) < 0)
    return -1;

  /* yajl_tree_parse wants a NUL-terminated copy; the prescan guarantees there is no NUL inside. */
  cleanup_free char *text = xmalloc (len + 1);
  memcpy (text, data, len);
  text[len] = '\0';

  yajl_val tree = yajl_tree_parse (text, errbuf, sizeof (errbuf));
  if (tree == NULL)
    {
      tidy_yajl_error (errbuf);
      return lc_j_error (cx, NULL, "invalid JSON: %s", errbuf[0] ? errbuf : "cannot parse");
    }
  *out = tree;
  return 0;
}

/* ---- errors ---------------------------------------------------------------- */

static void
render_path (FILE *f, const struct lc_jpath *path)
{
  if (path == NULL)
    return;
  render_path (f, path->parent);
  if (path->field != NULL)
    fprintf (f, "%s%s", path->parent != NULL ? "." : "", path->field);
  else if (path->key != NULL)
    {
      cleanup_free char *quoted = lc_json_quote (path->key);
      fprintf (f, "[%s]", quoted);
    }
  else
    fprintf (f, "[%zu]", path->index);
}

int
lc_j_error (const struct lc_jctx *cx, const struct lc_jpath *path, const char *fmt, ...)
{
  cleanup_free char *where = NULL, *what = NULL;
  size_t where_len = 0;
  va_list ap;

  FILE *f = open_memstream (&where, &where_len);
  if (f == NULL)
    abort ();
  render_path (f, path);
  if (fclose (f) != 0)
    abort ();

  va_start (ap, fmt);
  if (vasprintf (&what, fmt, ap) < 0)
    abort ();
  va_end (ap);
  /* Values echoed from the input must not break the one-line error into several. */
  for (char *c = what; *c; c++)
    if ((unsigned char) *c < 0x20 || *c == 0x7f)
      *c = '?';

  if (where_len == 0)
    return lc_error_make (cx->err, 0, "%s: %s", cx->source, what);
  return lc_error_make (cx->err, 0, "%s: %s: %s", cx->source, where, what);
}

const char *
lc_j_type_name (yajl_val v)
{
  if (v == NULL || YAJL_IS_NULL (v))
    return "null";
  if (YAJL_IS_STRING (v))
    return "string";
  if (YAJL_IS_NUMBER (v))
    return strpbrk (v->u.number.r, ".eE") == NULL ? "integer" : "number";
  if (YAJL_IS_OBJECT (v))
    return "object";
  if (YAJL_IS_ARRAY (v))
    return "array";
  return "boolean";
}

static int
type_error (const struct lc_jctx *cx, const struct lc_jpath *path, const char *expected, yajl_val v)
{
  return lc_j_error (cx, path, "expected %s, got %s", expected, lc_j_type_name (v));
}

/* ---- members --------------------------------------------------------------- */

yajl_val
lc_j_member (yajl_val obj, const char *name)
{
  yajl_val found = NULL;

  if (obj == NULL || ! YAJL_IS_OBJECT (obj))
    return NULL;
  /* Like encoding/json (and so runc), a repeated member takes its last value. */
  for (size_t i = 0; i < obj->u.object.len; i++)
    if (strcmp (obj->u.object.keys[i], name) == 0)
      found = obj->u.object.values[i];
  /* null reads as absent, as it does for runc's Go structs. */
  if (found != NULL && YAJL_IS_NULL (found))
    return NULL;
  return found;
}

int
lc_j_expect_object (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path)
{
  return YAJL_IS_OBJECT (v) ? 0 : type_error (cx, path, "object", v);
}

int
lc_j_expect_array (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path)
{
  return YAJL_IS_ARRAY (v) ? 0 : type_error (cx, path, "array", v);
}

/* The member NAME, or NULL; an error (return -1) only when it is required and absent. */
static int
member_or_required (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *path, const char *name,
                    unsigned flags, yajl_val *out)
{
  *out = lc_j_member (obj, name);
  if (*out == NULL && (flags & LC_J_REQUIRED))
    return lc_j_error (cx, path, "required");
  return 0;
}

int
lc_j_object (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
             unsigned flags, yajl_val *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  if (member_or_required (cx, obj, &path, name, flags, out) < 0)
    return -1;
  return *out == NULL ? 0 : lc_j_expect_object (cx, *out, &path);
}

int
lc_j_array (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
            yajl_val *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  if (member_or_required (cx, obj, &path, name, flags, out) < 0)
    return -1;
  return *out == NULL ? 0 : lc_j_expect_array (cx, *out, &path);
}

/* ---- scalar values --------------------------------------------------------- */

int
lc_j_value_string (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, unsigned flags, char **out)
{
  if (! YAJL_IS_STRING (v))
    return type_error (cx, path, "string", v);
  const char *s = v->u.string;
  if ((flags & (LC_J_NONEMPTY | LC_J_ABSOLUTE)) && s[0] == '\0')
    return lc_j_error (cx, path, "must not be empty");
  if ((flags & LC_J_ABSOLUTE) && s[0] != '/')
    return lc_j_error (cx, path, "must be an absolute path, got \"%s\"", s);
  *out = xstrdup (s);
  return 0;
}

/* The number text of an integer-typed value, or NULL after reporting a type error. */
static const char *
integer_text (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path)
{
  if (! YAJL_IS_NUMBER (v) || strpbrk (v->u.number.r, ".eE") != NULL)
    {
      type_error (cx, path, "integer", v);
      return NULL;
    }
  return v->u.number.r;
}

int
lc_j_value_int (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, int64_t min, int64_t max,
                int64_t *out)
{
  const char *text = integer_text (cx, v, path);
  if (text == NULL)
    return -1;
  errno = 0;
  char *end = NULL;
  long long n = strtoll (text, &end, 10);
  if (errno != 0 || *end != '\0' || n < min || n > max)
    return lc_j_error (cx, path, "out of range (expected %" PRId64 "..%" PRId64 ")", min, max);
  *out = n;
  return 0;
}

int
lc_j_value_uint (const struct lc_jctx *cx, yajl_val v, const struct lc_jpath *path, uint64_t max, uint64_t *out)
{
  const char *text = integer_text (cx, v, path);
  if (text == NULL)
    return -1;
  /* strtoull would wrap "-1" around to UINT64_MAX; only "-0" is a non-negative minus. */
  bool negative = text[0] == '-' && strspn (text + 1, "0") != strlen (text + 1);
  errno = 0;
  char *end = NULL;
  unsigned long long n = strtoull (text[0] == '-' ? text + 1 : text, &end, 10);
  if (negative || errno != 0 || *end != '\0' || n > max)
    return lc_j_error (cx, path, "out of range (expected 0..%" PRIu64 ")", max);
  *out = n;
  return 0;
}

int
lc_j_string (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
             char **out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (member_or_required (cx, obj, &path, name, flags, &v) < 0)
    return -1;
  return v == NULL ? 0 : lc_j_value_string (cx, v, &path, flags, out);
}

int
lc_j_bool (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, bool *has,
           bool *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v = lc_j_member (obj, name);
  if (v == NULL)
    return 0;
  if (! YAJL_IS_TRUE (v) && ! YAJL_IS_FALSE (v))
    return type_error (cx, &path, "boolean", v);
  *out = YAJL_IS_TRUE (v);
  if (has != NULL)
    *has = true;
  return 0;
}

int
lc_j_i64 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
          int64_t min, int64_t max, bool *has, int64_t *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (member_or_required (cx, obj, &path, name, flags, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  if (lc_j_value_int (cx, v, &path, min, max, out) < 0)
    return -1;
  if (has != NULL)
    *has = true;
  return 0;
}

int
lc_j_i32 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
          int32_t min, int32_t max, bool *has, int32_t *out)
{
  int64_t n = 0;
  bool present = false;
  if (lc_j_i64 (cx, obj, parent, name, flags, min, max, &present, &n) < 0)
    return -1;
  if (present)
    *out = (int32_t) n;
  if (has != NULL && present)
    *has = true;
  return 0;
}

int
lc_j_u64 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
          uint64_t max, bool *has, uint64_t *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (member_or_required (cx, obj, &path, name, flags, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  if (lc_j_value_uint (cx, v, &path, max, out) < 0)
    return -1;
  if (has != NULL)
    *has = true;
  return 0;
}

int
lc_j_u32 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
          uint32_t min, uint32_t max, bool *has, uint32_t *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  int64_t n = 0;
  if (member_or_required (cx, obj, &path, name, flags, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;
  if (lc_j_value_int (cx, v, &path, min, max, &n) < 0)
    return -1;
  *out = (uint32_t) n;
  if (has != NULL)
    *has = true;
  return 0;
}

int
lc_j_u16 (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
          bool *has, uint16_t *out)
{
  uint64_t n = 0;
  bool present = false;
  if (lc_j_u64 (cx, obj, parent, name, flags, UINT16_MAX, &present, &n) < 0)
    return -1;
  if (present)
    *out = (uint16_t) n;
  if (has != NULL && present)
    *has = true;
  return 0;
}

/* ---- lists and maps -------------------------------------------------------- */

void
lc_spec_strv_free (char **v)
{
  lc_cleanup_strvp (&v);
}

int
lc_j_strv (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name, unsigned flags,
           char ***out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (lc_j_array (cx, obj, parent, name, flags, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;

  size_t n = v->u.array.len;
  cleanup_strv char **list = xcalloc (n + 1, sizeof (char *));
  for (size_t i = 0; i < n; i++)
    {
      const struct lc_jpath item = LC_JINDEX (&path, i);
      if (lc_j_value_string (cx, v->u.array.values[i], &item, flags & ~LC_J_REQUIRED, &list[i]) < 0)
        return -1;
    }
  *out = lc_steal_ptr (&list);
  return 0;
}

void
lc_spec_kv_list_clear (struct lc_spec_kv_list *list)
{
  for (size_t i = 0; i < list->len; i++)
    {
      free (list->items[i].key);
      free (list->items[i].value);
    }
  free (list->items);
  list->items = NULL;
  list->len = 0;
}

int
lc_j_kv (const struct lc_jctx *cx, yajl_val obj, const struct lc_jpath *parent, const char *name,
         struct lc_spec_kv_list *out)
{
  const struct lc_jpath path = LC_JFIELD (parent, name);
  yajl_val v;
  if (lc_j_object (cx, obj, parent, name, 0, &v) < 0)
    return -1;
  if (v == NULL)
    return 0;

  out->items = xcalloc (v->u.object.len, sizeof (*out->items));
  out->len = v->u.object.len;
  for (size_t i = 0; i < v->u.object.len; i++)
    {
      const struct lc_jpath item = LC_JKEY (&path, v->u.object.keys[i]);
      out->items[i].key = xstrdup (v->u.object.keys[i]);
      if (lc_j_value_string (cx, v->u.object.values[i], &item, 0, &out->items[i].value) < 0)
        return -1;
    }
  return 0;
}
