package dev.cairn.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's part of docs/benchmarks.md: a heading, the command that reproduces it, what is measured and how,
 * its tables, and what to read from them.
 */
public final class Section {

    private final String title;
    private final List<String> commands = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();

    public Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The exact command that reproduces this section's figures. */
    public Section command(String command) {
        commands.add(command);
        return this;
    }

    /** A paragraph of text. */
    public Section text(String paragraph) {
        blocks.add(paragraph.strip());
        return this;
    }

    /** A table. */
    public Section table(Table table) {
        blocks.add(table.markdown());
        return this;
    }

    /** The section as Markdown, starting with its level-3 heading. */
    public String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        if (!commands.isEmpty()) {
            out.append("```\n");
            commands.forEach(command -> out.append(command).append('\n'));
            out.append("```\n\n");
        }
        for (String block : blocks) {
            out.append(block).append("\n\n");
        }
        return out.toString();
    }

    /** A Markdown table. */
    public static final class Table {

        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        public Table(String... header) {
            this.header = List.of(header);
        }

        public Table row(String... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
            }
            rows.add(List.of(cells));
            return this;
        }

        public int rows() {
            return rows.size();
        }

        public String markdown() {
            StringBuilder out = new StringBuilder();
            out.append("| ").append(String.join(" | ", header.stream().map(Table::escape).toList())).append(" |\n");
            out.append("|").append("---|".repeat(header.size())).append('\n');
            for (List<String> row : rows) {
                out.append("| ").append(String.join(" | ", row.stream().map(Table::escape).toList())).append(" |\n");
            }
            return out.toString().stripTrailing();
        }

        private static String escape(String cell) {
            return cell.replace("|", "\\|").replace("\n", " ");
        }
    }
}
