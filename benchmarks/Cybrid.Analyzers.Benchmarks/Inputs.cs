using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Cybrid.Analyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace Cybrid.Analyzers.Benchmarks
{
    /// <summary>A corpus to measure: its files and how to compile it.</summary>
    internal sealed class CorpusInput
    {
        public CorpusInput(string name, IReadOnlyList<CorpusFile> files, OutputKind outputKind)
        {
            Name = name;
            Files = files;
            OutputKind = outputKind;
        }

        public string Name { get; }

        public IReadOnlyList<CorpusFile> Files { get; }

        public OutputKind OutputKind { get; }

        public int Lines => Files.Sum(f => f.LineCount);
    }

    internal static class Inputs
    {
        /// <summary>The implementation assemblies of Microsoft.NETCore.App and Microsoft.AspNetCore.App of this runtime (as SampleTests does).</summary>
        public static ImmutableArray<MetadataReference> SharedFrameworkReferences()
        {
            var netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var version = Path.GetFileName(netCore);
            var aspNetCore = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(netCore)!)!, "Microsoft.AspNetCore.App", version);
            return Directory.GetFiles(netCore, "*.dll")
                .Concat(Directory.Exists(aspNetCore) ? Directory.GetFiles(aspNetCore, "*.dll") : Array.Empty<string>())
                .OrderBy(p => p, StringComparer.Ordinal)
                .Where(IsManagedAssembly)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        /// <summary>The sample app's sources, or null when the repository (Cybrid.Analyzers.sln) is not above the program.</summary>
        public static CorpusInput? Sample()
        {
            var root = RepositoryRoot();
            var folder = root == null ? null : Path.Combine(root, "samples", "Cybrid.Sample");
            if (folder == null || !Directory.Exists(folder))
            {
                return null;
            }

            var separator = Path.DirectorySeparatorChar;
            var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains(separator + "obj" + separator, StringComparison.Ordinal) && !p.Contains(separator + "bin" + separator, StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => new CorpusFile(Path.GetRelativePath(root!, p).Replace('\\', '/'), File.ReadAllText(p), CorpusKinds.Cybrid))
                .ToList();
            return new CorpusInput("sample", files, OutputKind.ConsoleApplication);
        }

        public static string? RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Cybrid.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            return null;
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
