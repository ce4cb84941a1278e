package hugosite

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/spf13/afero"
)

// tapFs is the file system Hugo publishes into: the disk, with every file
// that Hugo creates below root handed to written when it is closed, with
// the bytes written to it and what the disk said of it just before. A file
// that is written in any other way (opened without Create, written at an
// offset, truncated) is not handed on; whoever uses written must look at
// the disk for what it was not given.
type tapFs struct {
	afero.Fs
	root    string
	written func(rel string, data []byte, info os.FileInfo)
}

func (t *tapFs) Create(name string) (afero.File, error) {
	f, err := t.Fs.Create(name)
	if err != nil {
		return f, err
	}
	rel, err := filepath.Rel(t.root, name)
	if err != nil || !filepath.IsLocal(rel) {
		return f, nil
	}
	return &tapFile{File: f, fs: t, rel: filepath.ToSlash(rel)}, nil
}

type tapFile struct {
	afero.File
	fs      *tapFs
	rel     string
	buf     bytes.Buffer
	tainted bool // written other than in order from the start
}

func (f *tapFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	f.buf.Write(p[:n])
	return n, err
}

func (f *tapFile) WriteString(s string) (int, error) {
	n, err := f.File.WriteString(s)
	f.buf.WriteString(s[:n])
	return n, err
}

func (f *tapFile) WriteAt(p []byte, off int64) (int, error) {
	f.tainted = true
	return f.File.WriteAt(p, off)
}

func (f *tapFile) Seek(offset int64, whence int) (int64, error) {
	f.tainted = true
	return f.File.Seek(offset, whence)
}

func (f *tapFile) Truncate(size int64) error {
	f.tainted = true
	return f.File.Truncate(size)
}

func (f *tapFile) Close() error {
	var info os.FileInfo
	if !f.tainted {
		info, _ = f.File.Stat()
	}
	if err := f.File.Close(); err != nil {
		return err
	}
	if info != nil {
		f.fs.written(f.rel, f.buf.Bytes(), info)
	}
	return nil
}
