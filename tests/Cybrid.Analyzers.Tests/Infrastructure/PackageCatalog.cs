using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Cybrid.Analyzers.CodeFixes.Rules;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers.Tests.Infrastructure
{
    /// <summary>What the package ships, found by reflection: every analyzer, fixer and rule, and the repository root.</summary>
    public static class PackageCatalog
    {
        public static readonly Assembly AnalyzerAssembly = typeof(PlainHttpUriAnalyzer).Assembly;
        public static readonly Assembly CodeFixAssembly = typeof(PlainHttpUriCodeFix).Assembly;

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = CodeFixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>One descriptor per rule ID (the first one an analyzer lists), ordered by ID.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Rules { get; } = Analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToImmutableArray();

        public static IEnumerable<DiagnosticDescriptor> AllDescriptors => Analyzers.SelectMany(a => a.SupportedDiagnostics);

        public static bool HasCodeFix(string id) => CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));

        public static bool IsRequired(DiagnosticDescriptor descriptor) => descriptor.CustomTags.Contains(Descriptors.RequiredTag);

        public static string SeverityText(DiagnosticDescriptor descriptor)
            => descriptor.DefaultSeverity + (IsRequired(descriptor) ? " (error in CI)" : string.Empty);

        public static string RepositoryRoot { get; } = FindRepositoryRoot();

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Cybrid.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Cybrid.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
