// The kernels are static inline functions in include/rankscope_kernels.h (so Swift callers inline them);
// this file only gives the C target a translation unit.
#include "rankscope_kernels.h"
