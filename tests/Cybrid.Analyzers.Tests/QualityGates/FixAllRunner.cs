using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers.Tests.QualityGates
{
    /// <summary>What applying one fixer's Fix All (solution scope) to a code base did.</summary>
    public sealed class FixAllOutcome
    {
        public string Fixer { get; set; } = string.Empty;

        /// <summary>Diagnostics of the fixer's IDs for which it offered a fix, before.</summary>
        public int FixableBefore { get; set; }

        /// <summary>Diagnostics for which the fixer still offers a fix after Fix All (must be 0).</summary>
        public List<string> StillFixable { get; } = new List<string>();

        /// <summary>Compiler errors the fix introduced (must be empty).</summary>
        public List<string> NewErrors { get; } = new List<string>();

        public override string ToString()
            => Fixer + ": " + FixableBefore + " fixable before; still fixable after: " + string.Join("; ", StillFixable)
               + "; new errors: " + string.Join("; ", NewErrors);
    }

    /// <summary>Applies each code fix of the package with Fix All (solution scope) over a code base, as an IDE would.</summary>
    public static class FixAllRunner
    {
        public static async Task<FixAllOutcome> RunAsync(
            IReadOnlyList<(string Path, string Text)> sources,
            ImmutableArray<MetadataReference> references,
            OutputKind outputKind,
            CodeFixProvider fixer)
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Gate",
                "Gate",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
            foreach (var (path, text) in sources)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), text, filePath: path);
            }

            var outcome = new FixAllOutcome { Fixer = fixer.GetType().Name };
            var errorsBefore = await ErrorsAsync(solution.GetProject(projectId)!);

            var before = await FixableAsync(solution.GetProject(projectId)!, fixer);
            outcome.FixableBefore = before.Count;
            foreach (var key in before.Select(f => f.EquivalenceKey).Distinct().ToList())
            {
                var project = solution.GetProject(projectId)!;
                var diagnostics = await DiagnosticsAsync(project, fixer);
                var first = (await FixableAsync(project, fixer)).FirstOrDefault(f => f.EquivalenceKey == key);
                if (first.Diagnostic == null)
                {
                    continue; // an earlier key's Fix All resolved these too
                }

                var context = new FixAllContext(
                    project.GetDocument(first.Diagnostic.Location.SourceTree)!,
                    fixer,
                    FixAllScope.Solution,
                    key,
                    fixer.FixableDiagnosticIds,
                    new Provider(diagnostics),
                    CancellationToken.None);
                var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                if (action == null)
                {
                    outcome.StillFixable.Add("Fix All produced no action for " + key);
                    continue;
                }

                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        solution = apply.ChangedSolution;
                    }
                }
            }

            var after = solution.GetProject(projectId)!;
            foreach (var fixable in await FixableAsync(after, fixer))
            {
                outcome.StillFixable.Add(fixable.Diagnostic.ToString());
            }

            foreach (var error in await ErrorsAsync(after))
            {
                if (!errorsBefore.Contains(error))
                {
                    outcome.NewErrors.Add(error);
                }
            }

            return outcome;
        }

        private static async Task<HashSet<string>> ErrorsAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            return new HashSet<string>(
                compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)),
                StringComparer.Ordinal);
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, CodeFixProvider fixer)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var analyzers = PackageCatalog.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => fixer.FixableDiagnosticIds.Contains(d.Id))).ToImmutableArray();
            var all = await compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();
            return all.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        }

        /// <summary>The diagnostics for which <paramref name="fixer"/> registers an action, with that action's key.</summary>
        private static async Task<List<(Diagnostic Diagnostic, string EquivalenceKey)>> FixableAsync(Project project, CodeFixProvider fixer)
        {
            var result = new List<(Diagnostic, string)>();
            foreach (var diagnostic in await DiagnosticsAsync(project, fixer))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document == null)
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
                foreach (var action in actions)
                {
                    result.Add((diagnostic, action.EquivalenceKey ?? action.Title));
                }
            }

            return result;
        }

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
