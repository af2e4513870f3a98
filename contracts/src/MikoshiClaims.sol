// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @title What a Mikoshi community's holders may claim, one Merkle root per asset and epoch.
/// @notice Each root commits to every account's *cumulative* entitlement in one asset since the
/// beginning, so one proof against the latest root claims everything still owed. Publishing costs
/// the same whatever the number of holders; the operator funds the growth of the total with it.
/// @dev Leaf = keccak256(bytes.concat(keccak256(abi.encode(asset, account, cumulative)))), pairs
/// hashed sorted (OpenZeppelin's MerkleProof). The asset is address(0) for the native coin.
contract MikoshiClaims is Ownable {
    using SafeERC20 for IERC20;

    struct Epoch {
        bytes32 root;
        uint256 total;
    }

    /// asset => epoch number (1, 2, …) => root and total cumulative entitlement
    mapping(address asset => mapping(uint256 epoch => Epoch)) private _epochs;
    /// asset => the latest epoch published
    mapping(address asset => uint256) public latestEpoch;
    /// asset => account => paid so far
    mapping(address asset => mapping(address account => uint256)) public claimed;

    event RootPublished(address indexed asset, uint256 indexed epoch, bytes32 root, uint256 total, uint256 funded);
    event Claimed(address indexed asset, address indexed account, uint256 indexed epoch, uint256 amount, uint256 cumulative);

    error EpochOutOfOrder(uint256 expected, uint256 given);
    error TotalDecreased(uint256 previous, uint256 given);
    error WrongFunding(uint256 expected, uint256 given);
    error UnknownEpoch(address asset, uint256 epoch);
    error InvalidProof();
    error NothingToClaim();

    constructor(address operator) Ownable(operator) {}

    /// @notice Publishes epoch `epoch` of `asset`: a root over cumulative entitlements summing to
    /// `total`. The operator pays in `total` minus the previous epoch's total, in the same call
    /// (as value for the native coin, by allowance for a token).
    function publish(address asset, uint256 epoch, bytes32 root, uint256 total) external payable onlyOwner {
        uint256 previous = latestEpoch[asset];
        if (epoch != previous + 1) revert EpochOutOfOrder(previous + 1, epoch);
        uint256 previousTotal = _epochs[asset][previous].total;
        if (total < previousTotal) revert TotalDecreased(previousTotal, total);
        uint256 funding = total - previousTotal;
        if (asset == address(0)) {
            if (msg.value != funding) revert WrongFunding(funding, msg.value);
        } else {
            if (msg.value != 0) revert WrongFunding(0, msg.value);
            IERC20(asset).safeTransferFrom(msg.sender, address(this), funding);
        }
        _epochs[asset][epoch] = Epoch(root, total);
        latestEpoch[asset] = epoch;
        emit RootPublished(asset, epoch, root, total, funding);
    }

    /// @notice The root and total of an epoch (zero if not published).
    function epochOf(address asset, uint256 epoch) external view returns (bytes32 root, uint256 total) {
        Epoch storage e = _epochs[asset][epoch];
        return (e.root, e.total);
    }

    /// @notice Pays `account` what it is owed in `asset` under `epoch`'s root: its cumulative
    /// entitlement less what it was paid before. Anyone may send it; the money goes to `account`.
    function claim(address asset, uint256 epoch, address account, uint256 cumulative, bytes32[] calldata proof) external {
        bytes32 root = _epochs[asset][epoch].root;
        if (root == bytes32(0)) revert UnknownEpoch(asset, epoch);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(asset, account, cumulative))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert InvalidProof();
        uint256 paid = claimed[asset][account];
        if (cumulative <= paid) revert NothingToClaim();
        uint256 amount = cumulative - paid;
        claimed[asset][account] = cumulative;
        emit Claimed(asset, account, epoch, amount, cumulative);
        if (asset == address(0)) {
            Address.sendValue(payable(account), amount);
        } else {
            IERC20(asset).safeTransfer(account, amount);
        }
    }
}
