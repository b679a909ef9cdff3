// The prefetch hint is a static inline function in include/rankscope_prefetch.h; this file only gives the
// C target a translation unit.
#include "rankscope_prefetch.h"
