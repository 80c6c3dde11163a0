# Shared by tests/bootstrap and tests/demo: install Debian packages and build in tree.

# Install the packages of the given KINDs ("build", "test") from tests/lib/debian-packages.
install_debian_packages() {
	local list=$TOP/tests/lib/debian-packages kinds=" $* " packages=() kind name
	while read -r kind name; do
		[[ -z $kind || $kind == \#* ]] && continue
		[[ $kinds == *" $kind "* ]] && packages+=("$name")
	done <"$list"
	echo "== installing: ${packages[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
}

# Configure (once) and build in the source tree.
build_in_tree() {
	cd "$TOP"
	echo "== building in $TOP"
	[[ -x configure ]] || ./autogen.sh
	[[ -f Makefile ]] || ./configure
	make -j2
}

require_root_user() {
	((EUID == 0)) || { echo "$0: run as root (it installs packages and runs containers)" >&2; exit 1; }
}
