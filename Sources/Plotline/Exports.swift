// The umbrella module: one import gives the whole pipeline.
@_exported import PlotlineCore
@_exported import PlotlineDiff
@_exported import PlotlineFonts
@_exported import PlotlineLayout
@_exported import PlotlineModel
@_exported import PlotlinePNG
@_exported import PlotlineRaster
@_exported import PlotlineScales
@_exported import PlotlineSVG
