package publication

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// declared are the values of the constants of a type declared in the
// package's Go files (not its tests), by the type's name.
func declared(t *testing.T, dir string) map[string][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				typ, ok := vs.Type.(*ast.Ident)
				if !ok {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						out[typ.Name] = append(out[typ.Name], s)
					}
				}
			}
		}
	}
	return out
}

// Every State and Basis declared is in States and Bases, which the charts,
// the theme's tests and the open data's schemas take them from: a state
// declared and not listed would be missing from all of them.
func TestEveryStateAndBasisIsListed(t *testing.T) {
	d := declared(t, ".")
	if len(d["State"]) == 0 || len(d["Basis"]) == 0 {
		t.Fatalf("found no State or Basis constants: %v", d)
	}
	for _, s := range d["State"] {
		if !slices.Contains(States, State(s)) {
			t.Errorf("state %q is declared but not in States", s)
		}
	}
	for _, b := range d["Basis"] {
		if Basis(b) != BasisNone && !slices.Contains(Bases, Basis(b)) {
			t.Errorf("basis %q is declared but not in Bases", b)
		}
	}
	if len(States) != len(d["State"]) || len(Bases) != len(d["Basis"])-1 {
		t.Errorf("States %v or Bases %v list a value twice or not declared", States, Bases)
	}
}
