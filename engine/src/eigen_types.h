// Eigen aliases for the batch scorer: learners side by side, one row per
// item or clause, so every row operation runs over contiguous memory.
// Private to engine/src; Eigen never appears in public headers.

#ifndef PATHRANK_SRC_EIGEN_TYPES_H_
#define PATHRANK_SRC_EIGEN_TYPES_H_

#include <cstdint>

#include <Eigen/Dense>
#include <Eigen/Sparse>

namespace pathrank::internal {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixU32 = Eigen::Matrix<uint32_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixU8 = Eigen::Matrix<uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using SparseRowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_EIGEN_TYPES_H_
