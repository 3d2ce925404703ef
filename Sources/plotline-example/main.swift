import Plotline

// The seed figure, built in Swift: MMLU-Pro score against RL training steps.
let steps = [0, 200, 400, 600, 800]
let scores = [50.2, 54.8, 55.4, 55.2, 56.7]

let chart = Chart(width: 800, height: 500) {
    Line(x: steps, y: scores)
        .name("MMLU-Pro")
        .color(PlotColor(rgb: 0xF08080))
        .marker(.circle)
}
.title("MMLU-Pro vs. RL training steps")
.xAxis("RL training steps", domain: 0...800, tickStep: 200)
.yAxis("MMLU-Pro", domain: 50...57, tickStep: 2)
.legend(nil)

do {
    try chart.write(to: "chart")  // chart.svg and chart.png in the current folder
    print("wrote chart.svg and chart.png")
} catch {
    print("plotline: \(error)")
}
