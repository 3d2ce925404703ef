import ArgumentParser
import Plotline

/// `plotline schema`: prints the JSON Schema of the chart spec, for editors.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the chart spec.",
        discussion: "Editors that know JSON Schema offer completion and flag typos; Schema/plotline.schema.json is the same text.")

    func run() throws {
        print(SpecSchema.text, terminator: "")
    }
}
