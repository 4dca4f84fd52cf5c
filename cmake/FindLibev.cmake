# FindLibev: Debian's libev-dev ships ev.h and libev.so but no pkg-config
# file, so we look for both by hand and wrap them in an imported target.
#
#   Libev_FOUND, Libev_INCLUDE_DIR, Libev_LIBRARY, target Libev::Libev

find_path(Libev_INCLUDE_DIR NAMES ev.h PATH_SUFFIXES libev)
find_library(Libev_LIBRARY NAMES ev)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Libev
	REQUIRED_VARS Libev_LIBRARY Libev_INCLUDE_DIR
	FAIL_MESSAGE "libev not found: install it with 'apt-get install libev-dev'")

if(Libev_FOUND AND NOT TARGET Libev::Libev)
	add_library(Libev::Libev UNKNOWN IMPORTED)
	set_target_properties(Libev::Libev PROPERTIES
		IMPORTED_LOCATION "${Libev_LIBRARY}"
		INTERFACE_INCLUDE_DIRECTORIES "${Libev_INCLUDE_DIR}")
endif()
mark_as_advanced(Libev_INCLUDE_DIR Libev_LIBRARY)
