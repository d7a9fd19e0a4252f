using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Infrastructure;
using Cybrid.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Cybrid.Analyzers.Tests.QualityGates
{
    /// <summary>
    /// Runs every analyzer of the package, concurrently, over every test input and the sample app, and over
    /// deterministic mutations of them that model half-typed code. Any analyzer exception (AD0001) fails with the
    /// input that caused it.
    /// </summary>
    public class TortureTests
    {
        private readonly ITestOutputHelper _output;

        public TortureTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Harvest_FindsTheTestInputs()
        {
            // guards the gate itself: if harvesting broke, the torture test would pass on nothing
            Assert.True(TestInputs.Sources.Count >= 20, "only " + TestInputs.Sources.Count + " inputs harvested");
        }

        [Fact]
        public async Task TestInputsAndTheirMutations_NeverMakeAnAnalyzerThrow()
        {
            var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            // Every input runs as it is; mutants are bounded (about MutantBudget in all) so the gate stays well inside
            // the CI time as the test suite grows: every stride-th input, chosen deterministically, gets mutated.
            var inputs = TestInputs.Sources;
            var stride = Math.Max(1, (inputs.Count * MutantsPerInput) / MutantBudget);
            var cases = new List<(string Name, string Text)>();
            for (var i = 0; i < inputs.Count; i++)
            {
                var (name, text) = inputs[i];
                cases.Add((name, text));
                if (i % stride != 0)
                {
                    continue;
                }

                foreach (var (kind, mutant) in Mutations.Of(text, seed: StableHash(name), truncations: 4, tokenEdits: 2))
                {
                    cases.Add((name + "/" + kind, mutant));
                }
            }

            var failures = await RunAsync(cases, c => StubTrees(c.Name).Append(CSharpSyntaxTree.ParseText(c.Text, Parse, "/0/Test0.cs")), references);
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        }

        [Fact]
        public async Task SampleAndItsMutations_NeverMakeAnAnalyzerThrow()
        {
            var references = SampleTests.SharedFrameworkReferences();
            var files = SampleTests.SampleSources();
            var cases = new List<(string Name, string Text)>();
            for (var f = 0; f < files.Length; f++)
            {
                var name = System.IO.Path.GetFileName(files[f].Path);
                cases.Add((name, files[f].Text));
                foreach (var (kind, mutant) in Mutations.Of(files[f].Text, seed: StableHash(name), truncations: 12, tokenEdits: 6))
                {
                    cases.Add((name + "/" + kind, mutant));
                }
            }

            // each mutant replaces one file of the sample; the rest of the app stays intact
            var failures = await RunAsync(
                cases,
                c => files.Select(f => CSharpSyntaxTree.ParseText(c.Name.StartsWith(System.IO.Path.GetFileName(f.Path) + "/", StringComparison.Ordinal) ? c.Text : f.Text, Parse, f.Path)),
                references);
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        }

        private const int MutantsPerInput = 12;
        private const int MutantBudget = 3000;

        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Latest);

        [Fact]
        public async Task Gate_CatchesAThrowingAnalyzer()
        {
            // the gate must be able to fail: an analyzer that throws on every literal is reported with its input
            var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var cases = new List<(string Name, string Text)> { ("broken", "class C { string s = \"x\"; }") };
            var failures = await RunAsync(cases, c => new[] { CSharpSyntaxTree.ParseText(c.Text, Parse) }, references, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
            var failure = Assert.Single(failures);
            Assert.Contains("Input broken", failure, StringComparison.Ordinal);
            Assert.Contains("ThrowingAnalyzer", failure, StringComparison.Ordinal);
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TST0001", "t", "t", "t", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Literal);
            }
        }

        private Task<List<string>> RunAsync(
            List<(string Name, string Text)> cases,
            Func<(string Name, string Text), IEnumerable<SyntaxTree>> trees,
            ImmutableArray<MetadataReference> references)
            => RunAsync(cases, trees, references, PackageCatalog.Analyzers);

        private async Task<List<string>> RunAsync(
            List<(string Name, string Text)> cases,
            Func<(string Name, string Text), IEnumerable<SyntaxTree>> trees,
            ImmutableArray<MetadataReference> references,
            ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var failures = new ConcurrentQueue<string>();
            var watch = Stopwatch.StartNew();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (@case, cancellationToken) =>
            {
                var compilation = CSharpCompilation.Create("Torture", trees(@case), references, options);
                var thrown = new ConcurrentQueue<string>();
                var analyzerOptions = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, _) => thrown.Enqueue(analyzer.GetType().Name + ": " + exception),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
                foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
                {
                    thrown.Enqueue(diagnostic.ToString());
                }

                if (!thrown.IsEmpty)
                {
                    failures.Enqueue("Input " + @case.Name + ":\n" + @case.Text + "\n--- threw:\n" + string.Join("\n", thrown));
                }
            });

            _output.WriteLine(cases.Count + " inputs in " + watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s");
            return failures.ToList();
        }

        private static IEnumerable<SyntaxTree> StubTrees(string inputName)
            => TestInputs.StubsFor(inputName).Select((s, i) => CSharpSyntaxTree.ParseText(s, Parse, "/stubs/Stub" + i + ".cs"));

        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = 17;
                foreach (var c in text)
                {
                    hash = (hash * 31) + c;
                }

                return hash;
            }
        }
    }
}
