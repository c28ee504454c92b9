// A plain-text table for the CLI: columns padded to their widest cell
// (measured in UTF-8 code points), numbers right-aligned.

#ifndef PATHRANK_SERVER_CLI_TABLE_H_
#define PATHRANK_SERVER_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace pathrank::cli {

class Table {
 public:
  // `right_aligned[i]` aligns column i to the right (for numbers).
  Table(std::vector<std::string> header, std::vector<bool> right_aligned = {});
  void AddRow(std::vector<std::string> cells);
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

// Formats `value` with `digits` digits after the point.
std::string Fixed(double value, int digits);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_TABLE_H_
