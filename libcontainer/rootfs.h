/* The container's filesystem view: runs inside the container's new mount namespace
   (in the init process, before execve), in three steps so that createContainer hooks
   can run between mounting and pivot_root, as the runtime-spec requires. */
#ifndef CARAPACE_ROOTFS_H
#define CARAPACE_ROOTFS_H

#include <stdbool.h>

#include "context.h"
#include "error.h"
#include "spec.h"

struct lc_rootfs_options
{
  const char *rootfs;        /* absolute host path of the rootfs (spec root.path resolved against the bundle) */
  bool no_pivot;             /* --no-pivot: MS_MOVE + chroot instead of pivot_root */
  bool in_user_namespace;    /* mknod is not allowed: bind devices from the host instead */
  bool new_cgroup_namespace; /* a cgroup mount may be created */
  int console_slave_fd;      /* pty slave to bind on /dev/console, or -1 */
};

/* Step 1: set propagation, bind the rootfs on itself, perform every spec mount, the default
   tmpfs of a read-only root, /dev and its devices and links; every destination is resolved
   inside the rootfs without following symlinks out of it. */
int lc_rootfs_mount_all (const struct lc_context *ctx, const struct lc_spec *spec,
                         const struct lc_rootfs_options *opts, lc_error_t *err);

/* Step 2: pivot_root into the rootfs (or MS_MOVE + chroot with no_pivot) and detach the old root. */
int lc_rootfs_pivot (const struct lc_context *ctx, const struct lc_spec *spec, const struct lc_rootfs_options *opts,
                     lc_error_t *err);

/* Step 3: masked and read-only paths, then the rootfs itself read-only when the config asks for it
   or leaves root.readonly out, and the final rootfsPropagation. */
int lc_rootfs_finalize (const struct lc_context *ctx, const struct lc_spec *spec,
                        const struct lc_rootfs_options *opts, lc_error_t *err);

/* True when the rootfs will be mounted read-only: root.readonly true, or absent (carapace's default). */
bool lc_rootfs_is_readonly (const struct lc_spec *spec);

#endif
