// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Votes} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Votes.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title A Mikoshi community's membership token.
/// @notice Holding one is being a member. Token ids are the community's token numbers in Mikoshi.
/// Only the Mikoshi operator mints (a member paid for it in Mikoshi) and burns (a member redeemed it,
/// and still held it when the burn ran);
/// holders transfer freely, on any marketplace, and the treasury earns the community's royalty.
/// @dev Votes count from the moment a token is held: an account that never delegated votes for
/// itself, so members need no self-delegation transaction. Delegating elsewhere still works, and
/// delegating to the zero address means "back to myself".
contract MikoshiMembership is ERC721, ERC2981, ERC721Votes, Ownable {
    string private _base;

    /// @param name_ the collection's name (the community's name)
    /// @param symbol_ the collection's symbol
    /// @param operator the Mikoshi operator: the only account that mints and burns
    /// @param treasury where royalties go
    /// @param royaltyBps the royalty in basis points of the sale price (at most 10,000)
    constructor(string memory name_, string memory symbol_, address operator, address treasury, uint96 royaltyBps)
        ERC721(name_, symbol_)
        EIP712(name_, "1")
        Ownable(operator)
    {
        _setDefaultRoyalty(treasury, royaltyBps);
    }

    /// @notice Mints token `tokenId` to `to` (Mikoshi's token number).
    function mint(address to, uint256 tokenId) external onlyOwner {
        _safeMint(to, tokenId);
    }

    /// @notice The token is not held by the account a redemption was asked for: it moved since.
    error OwnerChanged(uint256 tokenId, address expectedOwner, address holder);

    /// @notice Burns token `tokenId` for a redemption its holder asked for in Mikoshi, only if
    /// `expectedOwner` still holds it. Mikoshi pays the holder once it sees this burn, so a token sold
    /// on chain before the burn is mined stays with its buyer and nobody is paid for it.
    function burn(uint256 tokenId, address expectedOwner) external onlyOwner {
        address holder = _ownerOf(tokenId);
        if (holder != expectedOwner) {
            revert OwnerChanged(tokenId, expectedOwner, holder);
        }
        _burn(tokenId);
    }

    /// @notice Changes the royalty (the community changed its policy or treasury).
    function setRoyalty(address treasury, uint96 royaltyBps) external onlyOwner {
        _setDefaultRoyalty(treasury, royaltyBps);
    }

    /// @notice Sets the metadata base URI (token URI = base + token id).
    function setBaseURI(string calldata base) external onlyOwner {
        _base = base;
    }

    /// @notice The account whose votes `account`'s tokens count for: itself unless it delegated.
    function delegates(address account) public view override returns (address) {
        address chosen = super.delegates(account);
        return chosen == address(0) ? account : chosen;
    }

    function _delegate(address account, address delegatee) internal override {
        super._delegate(account, delegatee == address(0) ? account : delegatee);
    }

    function _baseURI() internal view override returns (string memory) {
        return _base;
    }

    function _update(address to, uint256 tokenId, address auth) internal override(ERC721, ERC721Votes) returns (address) {
        return super._update(to, tokenId, auth);
    }

    function _increaseBalance(address account, uint128 amount) internal override(ERC721, ERC721Votes) {
        super._increaseBalance(account, amount);
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
