// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/// @title A minimal Safe-style contract wallet, for testing votes signed by contract wallets (EIP-1271).
/// @notice Like a Safe, it has owners and a threshold and holds no key itself: a signature is its own when
/// `threshold` distinct owners each signed the hash. Not deployed by Mikoshi; tests deploy it on anvil to
/// check that Mikoshi asks the wallet (isValidSignature) instead of recovering a key.
/// @dev The signature is `threshold` 65-byte ECDSA signatures (r ‖ s ‖ v) of the hash itself, concatenated
/// in ascending order of their signers' addresses, which rules out counting one owner twice.
contract MikoshiTestSafe is IERC1271, IERC721Receiver {
    mapping(address account => bool) public isOwner;
    uint256 public immutable threshold;

    error NoOwners();
    error BadThreshold();

    constructor(address[] memory owners, uint256 threshold_) {
        if (owners.length == 0) revert NoOwners();
        if (threshold_ == 0 || threshold_ > owners.length) revert BadThreshold();
        for (uint256 i = 0; i < owners.length; i++) {
            isOwner[owners[i]] = true;
        }
        threshold = threshold_;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != threshold * 65) return bytes4(0xffffffff);
        address previous = address(0);
        for (uint256 i = 0; i < threshold; i++) {
            (address signer, ECDSA.RecoverError failure, ) = ECDSA.tryRecoverCalldata(hash, signature[i * 65:(i + 1) * 65]);
            if (failure != ECDSA.RecoverError.NoError || !isOwner[signer] || signer <= previous) return bytes4(0xffffffff);
            previous = signer;
        }
        return IERC1271.isValidSignature.selector;
    }

    /// @inheritdoc IERC721Receiver
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }
}
