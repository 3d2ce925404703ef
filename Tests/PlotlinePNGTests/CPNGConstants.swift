import CPNG

// libpng/zlib constants for the measurement test (CPNG is visible through PlotlinePNG's module).
let cpngAll = cpng_filter_all()
let cpngNone = cpng_filter_none()
let cpngSub = cpng_filter_sub()
let cpngUp = cpng_filter_up()
let cpngPaeth = cpng_filter_paeth()
let cpngDefault = cpng_strategy_default()
let cpngFiltered = cpng_strategy_filtered()
let cpngRLE = cpng_strategy_rle()
