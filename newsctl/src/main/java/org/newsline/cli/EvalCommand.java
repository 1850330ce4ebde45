package org.newsline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsline.extract.article.ArticleExtractor;
import org.newsline.extract.eval.ExtractionEval;
import org.newsline.extract.statements.StatementExtractor;
import org.newsline.extract.statements.eval.StatementScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code newsctl eval extraction DIR | statements FILE}: quality figures with the benchmarks' metrics. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure extraction quality.",
        subcommands = {EvalCommand.Extraction.class, EvalCommand.Statements.class})
final class EvalCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "say what to evaluate: extraction DIR or statements FILE");
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Body extraction against an article-extraction-benchmark folder (html/, ground-truth.json): "
                    + "precision, recall, F1 and the worst pages.")
    static final class Extraction implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "e.g. eval/aeb-dev")
        Path dir;

        @Override
        public Integer call() {
            ExtractionEval.evaluate(dir, new ArticleExtractor()).print(System.out);
            return 0;
        }
    }

    @Command(name = "statements", mixinStandardHelpOptions = true,
            description = "Statements against annotated articles (JSON lines): P/R/F1 for direct quotes, "
                    + "direct quotes with the right speaker, and indirect plus mixed statements.")
    static final class Statements implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "e.g. eval/statements/dev.jsonl")
        Path file;

        @Override
        public Integer call() {
            StatementScorer.score(file, new StatementExtractor()).print(System.out);
            return 0;
        }
    }
}
