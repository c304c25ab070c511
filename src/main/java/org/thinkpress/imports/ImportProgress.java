package org.thinkpress.imports;

/** Hears how far an import is, for a progress bar; called on the importing thread. */
public interface ImportProgress {

  /** Nothing to show. */
  ImportProgress NONE = new ImportProgress() {
    @Override
    public void stage(String name, long total) {}

    @Override
    public void advance(long steps) {}
  };

  /** A new stage begins ({@code Reading}, {@code Fetching media}, {@code Writing}) with this many steps, 0 if unknown. */
  void stage(String name, long total);

  void advance(long steps);
}
