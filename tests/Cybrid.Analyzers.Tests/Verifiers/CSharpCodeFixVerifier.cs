using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Cybrid.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The one verifier of the test suite (after NetAnalyzers' <c>CSharpCodeFixVerifier`2</c>): pinned reference
    /// assemblies, optional stubs, .editorconfig options and a language version. Use
    /// <see cref="EmptyCodeFixProvider"/> for a rule without a fix.
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net80;

                // a rule may word one ID two ways (CYB0004 for Cybrid hosts); {|ID:…|} markup checks the ID and span
                MarkupOptions = MarkupOptions.UseFirstDescriptor;
                SolutionTransforms.Add((solution, projectId) =>
                {
                    var project = solution.GetProject(projectId)!;
                    var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion);
                    return solution.WithProjectParseOptions(projectId, parseOptions);
                });
            }

            /// <summary>The C# version of the test sources (default: the newest the 4.8 compiler knows).</summary>
            public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

            /// <summary>
            /// Adds source files (stubs of library types) to the code before the fix, and to the code after it when a
            /// fixed state was given (set <c>FixedCode</c> first). An analyzer-only test keeps no fixed state.
            /// </summary>
            public Test WithSources(params string[] sources)
            {
                var hasFixedState = FixedState.Sources.Count > 0;
                foreach (var source in sources)
                {
                    TestState.Sources.Add(source);
                    if (hasFixedState)
                    {
                        FixedState.Sources.Add(source);
                    }
                }

                return this;
            }

            /// <summary>Adds <c>/.editorconfig</c> with a <c>[*]</c> section holding <paramref name="lines"/>.</summary>
            public Test WithEditorConfig(params string[] lines)
            {
                var text = "root = true\n[*]\n" + string.Join("\n", lines) + "\n";
                TestState.AnalyzerConfigFiles.Add(("/.editorconfig", text)); // the fixed state inherits it
                return this;
            }

            /// <summary>Adds a <c>.globalconfig</c> (is_global = true) holding <paramref name="lines"/>.</summary>
            public Test WithGlobalConfig(params string[] lines)
            {
                var text = "is_global = true\n" + string.Join("\n", lines) + "\n";
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", text));
                return this;
            }

            public Test Expect(params DiagnosticResult[] expected)
            {
                ExpectedDiagnostics.AddRange(expected);
                return this;
            }

            public Task RunAsync() => RunAsync(CancellationToken.None);

            protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => new[] { new TCodeFix() };
        }
    }
}
