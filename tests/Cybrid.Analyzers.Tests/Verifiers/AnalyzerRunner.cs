using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers.Tests.Verifiers
{
    /// <summary>The outcome of running analyzers over sources outside the verifier (broken code, whole samples).</summary>
    public sealed class AnalyzerRun
    {
        public AnalyzerRun(ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions, int compilerErrors)
        {
            Diagnostics = diagnostics;
            Exceptions = exceptions;
            CompilerErrors = compilerErrors;
        }

        /// <summary>The analyzers' diagnostics (AD0001 included, if any).</summary>
        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Every exception an analyzer threw, with the analyzer's name.</summary>
        public IReadOnlyList<string> Exceptions { get; }

        public int CompilerErrors { get; }
    }

    /// <summary>
    /// Compiles sources against the pinned reference pack and runs analyzers over them with concurrent execution,
    /// collecting analyzer exceptions instead of letting the driver turn them into AD0001 alone.
    /// </summary>
    public static class AnalyzerRunner
    {
        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net80References =
            new Lazy<Task<ImmutableArray<MetadataReference>>>(() => TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

        public static Task<AnalyzerRun> RunAsync(DiagnosticAnalyzer analyzer, string source)
            => RunAsync(ImmutableArray.Create(analyzer), new[] { ("/0/Test0.cs", source) });

        public static async Task<AnalyzerRun> RunAsync(
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            IEnumerable<(string Path, string Text)> sources,
            LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var references = await Net80References.Value.ConfigureAwait(false);
            var parseOptions = new CSharpParseOptions(languageVersion);
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToArray();
            var compilation = CSharpCompilation.Create(
                "Analyzed",
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id == "AD0001")
                {
                    exceptions.Enqueue(diagnostic.ToString());
                }
            }

            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            return new AnalyzerRun(diagnostics, exceptions.ToArray(), errors);
        }
    }
}
